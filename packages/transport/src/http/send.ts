import { isNetworkError } from 'ky';
import { isUcwaTransportError } from '../errors/guards.ts';
import {
  UcwaAuthError,
  UcwaNetworkError,
  UcwaOriginError,
  UcwaTimeoutError,
} from '../errors/other-errors.ts';
import type { RequestSummary } from '../errors/ucwa-transport-error.ts';
import { lazySummary, summarizeRequest } from '../errors/ucwa-transport-error.ts';
import { redactUrl } from '../redact.ts';
import { buildHeaders } from './build-headers.ts';
import type { TransportContext } from './context.ts';
import { createDeadline } from './deadline.ts';
import { exchange } from './exchange.ts';
import { httpError } from './read-response.ts';

/** One call as the transport methods describe it. */
export interface SendSpec {
  readonly method: string;
  readonly url: URL;
  readonly body?: string | undefined;
  readonly contentType?: string | undefined;
  readonly accept?: string;
  readonly headers?: HeadersInit | undefined;
  readonly conditional?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal | undefined;
  readonly timeout?: number | false | undefined;
  readonly minResourceVersion?: number | undefined;
  readonly auth?: boolean | undefined;
  /** Outstanding-request slots this call takes (a batch takes one per part). Default 1. */
  readonly permits?: number;
}

/** What a call got back, with the body still unread. */
export interface Sent {
  readonly response: Response;
  readonly url: URL;
  /** The request, redacted (built on first read). */
  readonly request: RequestSummary;
  readonly signal: AbortSignal;
}

/** A {@link Sent}; a class, so the lazy `request` getter lives once on the prototype. */
class SentAnswer implements Sent {
  readonly response: Response;
  readonly url: URL;
  readonly signal: AbortSignal;
  readonly #describe: () => RequestSummary;

  constructor(response: Response, url: URL, describe: () => RequestSummary, signal: AbortSignal) {
    this.response = response;
    this.url = url;
    this.signal = signal;
    this.#describe = describe;
  }

  get request(): RequestSummary {
    return this.#describe();
  }
}

const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Runs `read` on the answer to `spec` inside the call's deadline and outstanding-request
 * slot: auth (token, one refresh and replay after a 401), trusted redirects, retries.
 * Errors come out as the transport's family; an abort by the caller's signal as its reason.
 */
export async function send<T>(
  ctx: TransportContext,
  spec: SendSpec,
  read: (sent: Sent) => Promise<T>,
): Promise<T> {
  const timeout = spec.timeout ?? ctx.timeout;
  const deadline = createDeadline(timeout, ctx.timers, spec.signal);
  let describe = lazySummary(spec.method, spec.url);
  try {
    const permits = spec.permits ?? 1;
    const release =
      ctx.limiter.tryAcquire(permits) ?? (await ctx.limiter.acquire(permits, deadline.signal));
    try {
      const sent = await sendAuthorized(ctx, spec, deadline.signal, timeout, (d) => {
        describe = d;
      });
      const result = await read(sent);
      ctx.retry.succeeded();
      return result;
    } finally {
      release();
    }
  } catch (error) {
    const request = describe();
    if (deadline.timedOut())
      throw new UcwaTimeoutError(timeout === false ? 0 : timeout, { request, cause: error });
    if (spec.signal?.aborted === true) throw spec.signal.reason;
    if (isUcwaTransportError(error)) throw error;
    // ky's NetworkError holds the Request, Authorization included: keep only what fetch threw.
    const cause = isNetworkError(error) ? error.cause : error;
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new UcwaNetworkError(message, { request, cause });
  } finally {
    deadline.dispose();
  }
}

async function sendAuthorized(
  ctx: TransportContext,
  spec: SendSpec,
  signal: AbortSignal,
  timeout: number | false,
  onRequest: (describe: () => RequestSummary) => void,
): Promise<Sent> {
  const useAuth = spec.auth !== false;
  let token = useAuth ? (ctx.auth.ready() ?? (await ctx.auth.current(signal))) : undefined;
  for (let replayed = false; ; replayed = true) {
    const sent = await sendFollowing(ctx, spec, token, signal, timeout, onRequest);
    if (sent.response.status !== 401 || !useAuth) return sent;
    if (replayed) {
      const cause = await httpError(ctx, sent);
      throw new UcwaAuthError('the server refused a freshly obtained token (401 after refresh)', {
        reason: 'unauthorized',
        request: sent.request,
        cause,
      });
    }
    await sent.response.body?.cancel();
    ctx.logger.debug?.('ucwa 401: refreshing the token', { url: redactUrl(sent.url) });
    token = await ctx.auth.unauthorized(sent.response.headers, sent.url, token, signal);
  }
}

interface Hop {
  readonly url: URL;
  readonly method: string;
  readonly body: string | undefined;
}

/** Whether `response` is, or may be, a redirect: only then does `nextHop` look further. */
function mayRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || REDIRECTS.has(response.status);
}

/**
 * The next hop of a redirect, or `undefined` when `response` is the answer. A redirect to
 * an origin the session does not trust is refused, so the token never follows it.
 */
async function nextHop(
  ctx: TransportContext,
  response: Response,
  hop: Hop,
  describe: () => RequestSummary,
): Promise<Hop | undefined> {
  if (response.type === 'opaqueredirect') {
    throw new UcwaOriginError(
      'the server redirected; the target could not be checked, so it was not followed',
      describe().url,
      { request: describe() },
    );
  }
  const location = response.headers.get('location');
  if (!REDIRECTS.has(response.status) || location === null) return undefined;
  await response.body?.cancel();
  const url = new URL(location, hop.url);
  if (!ctx.policy.isTrusted(url)) {
    throw new UcwaOriginError(
      `a ${response.status} redirect to ${redactUrl(url)} (an untrusted origin) was not followed`,
      redactUrl(url),
      { request: describe() },
    );
  }
  const toGet =
    response.status === 303 ||
    (hop.method === 'POST' && response.status !== 307 && response.status !== 308);
  return toGet ? { url, method: 'GET', body: undefined } : { ...hop, url };
}

async function sendFollowing(
  ctx: TransportContext,
  spec: SendSpec,
  token: string | undefined,
  signal: AbortSignal,
  timeout: number | false,
  onRequest: (describe: () => RequestSummary) => void,
): Promise<Sent> {
  let hop: Hop = { url: spec.url, method: spec.method.toUpperCase(), body: spec.body };
  for (let count = 0; count <= MAX_REDIRECTS; count++) {
    const { url, method, body } = hop;
    // Checked again on every hop: nothing, least of all the token, goes to an untrusted origin.
    ctx.policy.assertTrusted(url, 'request URL');
    const headers = buildHeaders(ctx, {
      extra: spec.headers,
      token,
      contentType: body === undefined ? undefined : spec.contentType,
      accept: spec.accept ?? ctx.codecs.mediaType,
      minResourceVersion: spec.minResourceVersion,
      ...(spec.conditional === undefined ? {} : { conditional: spec.conditional }),
    });
    const describe = lazySummary(method, url, headers);
    onRequest(describe);
    const started = ctx.logger.debug === undefined ? 0 : ctx.now();
    const response = await exchange(ctx, { method, url, headers, body, signal, timeout });
    ctx.logger.debug?.('ucwa response', {
      method,
      url: describe().url,
      status: response.status,
      ms: ctx.now() - started,
    });
    const next = mayRedirect(response) ? await nextHop(ctx, response, hop, describe) : undefined;
    if (next === undefined) return new SentAnswer(response, url, describe, signal);
    hop = next;
  }
  throw new UcwaNetworkError(`more than ${MAX_REDIRECTS} redirects`, {
    request: summarizeRequest(hop.method, hop.url),
  });
}
