import { isNetworkError } from 'ky';
import { UcwaAuthError } from '../errors/auth-error.ts';
import { isUcwaTransportError } from '../errors/guards.ts';
import { UcwaNetworkError } from '../errors/network-error.ts';
import { UcwaOriginError } from '../errors/origin-error.ts';
import { type RequestSummary, summarizeRequest } from '../errors/request-summary.ts';
import { UcwaTimeoutError } from '../errors/timeout-error.ts';
import { redactSecrets, redactUrl } from '../redact.ts';
import { RETRY_STATUSES } from '../retry/retry-options.ts';
import { sleep } from '../signals.ts';
import { buildHeaders, callerHeaders } from './build-headers.ts';
import type { TransportContext } from './context.ts';
import type { AttemptOptions, Forwarded } from './create-ky.ts';
import { createDeadline, type Deadline } from './deadline.ts';
import { failureOf, responseError, trustedLocation } from './read-answer.ts';
import type { SendSpec, Sent } from './send-spec.ts';
import { SentResponse } from './sent-response.ts';

const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Whether an answer needs more than reading: a redirect, a 401, a status to retry. */
export function needsMore(response: Response): boolean {
  const { status } = response;
  return (
    status === 401 ||
    (status >= 300 && status < 400) ||
    RETRY_STATUSES.has(status) ||
    response.type === 'opaqueredirect'
  );
}

interface Hop {
  readonly url: URL;
  readonly method: string;
  readonly body: string | undefined;
}

/**
 * The state of one call across its attempts, hops and the replay after a 401. It is also
 * what its `fetch` is handed ({@link Forwarded}): no object is built for that per attempt.
 */
export class Call implements Forwarded {
  readonly #ctx: TransportContext;
  readonly #spec: SendSpec;
  readonly #timeout: number | false;
  readonly #deadline: Deadline;
  readonly #extra: Record<string, string> | undefined;
  #hop: Hop;
  #token: string | undefined;
  #release: (() => void) | undefined;
  #headers: Record<string, string> | undefined;
  #summary: RequestSummary | undefined;
  #retries = 0;
  #redirects = 0;
  #replayed = false;
  #started = 0;

  constructor(ctx: TransportContext, spec: SendSpec) {
    this.#extra = spec.headers === undefined ? undefined : callerHeaders(spec.headers);
    this.#ctx = ctx;
    this.#spec = spec;
    this.#timeout = spec.timeout ?? ctx.timeout;
    this.#deadline = createDeadline(this.#timeout, ctx.timers, spec.signal);
    this.#hop = { url: spec.url, method: spec.method, body: spec.body };
  }

  get signal(): AbortSignal | undefined {
    return this.#deadline.signal;
  }

  get timeout(): number | false {
    return this.#timeout;
  }

  /** The request as last sent, redacted; built when an error or a log line needs it. */
  get request(): RequestSummary {
    this.#summary ??= summarizeRequest(this.#hop.method, this.#hop.url, this.#headers);
    return this.#summary;
  }

  /** The fast start: the slot is taken and the token (if any) at hand. */
  begin(release: () => void, token: string | undefined): Promise<Response> {
    this.#release = release;
    this.#token = token;
    try {
      return this.#attempt();
    } catch (error) {
      // ky builds the Request at once: a header it refuses throws here, not in a promise.
      return Promise.reject(error);
    }
  }

  /** The slow start: wait for the token (sign-in, refresh) and a free slot. */
  async start(): Promise<Response> {
    const ctx = this.#ctx;
    const signal = this.#deadline.signal;
    if (this.#spec.auth !== false)
      this.#token = ctx.auth.ready() ?? (await ctx.auth.current(signal));
    const permits = this.#spec.permits ?? 1;
    this.#release = ctx.limiter.tryAcquire(permits) ?? (await ctx.limiter.acquire(permits, signal));
    return this.#attemptWithRetry();
  }

  #attempt(): Promise<Response> {
    const ctx = this.#ctx;
    const spec = this.#spec;
    const hop = this.#hop;
    this.#headers = buildHeaders(ctx, {
      extra: this.#extra,
      token: this.#token,
      contentType: hop.body === undefined ? undefined : spec.contentType,
      accept: spec.accept ?? ctx.codecs.mediaType,
      minResourceVersion: spec.minResourceVersion,
      conditional: spec.conditional,
    });
    this.#summary = undefined;
    if (ctx.logger.debug !== undefined) this.#started = ctx.now();
    const options: AttemptOptions = { headers: this.#headers, ucwa: this };
    if (hop.method !== 'GET') options.method = hop.method;
    if (hop.body !== undefined) options.body = hop.body;
    return ctx.ky(hop.url, options);
  }

  /** Logs an answer (when debug logging is on) and passes it through. */
  arrived(response: Response): Response {
    const { debug } = this.#ctx.logger;
    if (debug !== undefined) {
      const { method } = this.#hop;
      const ms = this.#ctx.now() - this.#started;
      debug('ucwa response', { method, url: this.request.url, status: response.status, ms });
    }
    return response;
  }

  sent(response: Response): Sent {
    return new SentResponse(response, this.#hop.url, this);
  }

  /** Follows redirects, answers a 401 and retries until the answer is one to read. */
  async settle(first: Response): Promise<Response> {
    let response = first;
    for (;;) {
      const { status } = response;
      let next: Response | undefined;
      if (response.type === 'opaqueredirect' || REDIRECTS.has(status)) {
        next = await this.#redirect(response);
      } else if (status === 401 && this.#spec.auth !== false) {
        next = await this.#replay(response);
      } else if (RETRY_STATUSES.has(status)) {
        next = await this.#retry(response);
      }
      if (next === undefined) return response;
      response = this.arrived(next);
    }
  }

  /**
   * The answer at a redirect's target, or `undefined` when `response` is the answer (no
   * `Location`). A redirect to an origin the session does not trust is refused, so the
   * token never follows it; so is one the runtime hid (a browser's `opaqueredirect`).
   */
  async #redirect(response: Response): Promise<Response | undefined> {
    if (response.type === 'opaqueredirect') {
      const { request } = this;
      const why = 'the server redirected; the target could not be checked, so it was not followed';
      throw new UcwaOriginError(why, { url: request.url, request });
    }
    const location = response.headers.get('location');
    if (location === null) return undefined;
    const sent = this.sent(response);
    await response.body?.cancel();
    if (++this.#redirects > MAX_REDIRECTS) {
      throw responseError(this.#ctx, sent, `more than ${MAX_REDIRECTS} redirects`);
    }
    const url = trustedLocation(this.#ctx, sent, location);
    const hop = this.#hop;
    const toGet =
      response.status === 303 ||
      (hop.method === 'POST' && response.status !== 307 && response.status !== 308);
    this.#hop = toGet ? { url, method: 'GET', body: undefined } : { ...hop, url };
    return this.#attemptWithRetry();
  }

  /** After a 401: one fresh token and one replay; a second 401 is a {@link UcwaAuthError}. */
  async #replay(response: Response): Promise<Response> {
    const ctx = this.#ctx;
    if (this.#replayed) {
      const cause = await failureOf(ctx, this.sent(response));
      const why = 'the server refused a freshly obtained token (401 after refresh)';
      throw new UcwaAuthError(why, { reason: 'unauthorized', request: this.request, cause });
    }
    this.#replayed = true;
    await response.body?.cancel();
    ctx.logger.debug?.('ucwa 401: refreshing the token', { url: redactUrl(this.#hop.url) });
    const { headers } = response;
    this.#token = await ctx.auth.unauthorized(
      headers,
      this.#hop.url,
      this.#token,
      this.#deadline.signal,
    );
    return this.#attemptWithRetry();
  }

  /** A retryable status: the next answer, or `undefined` when the policy says no more. */
  async #retry(response: Response): Promise<Response | undefined> {
    const { status, headers } = response;
    const method = this.#hop.method;
    const wait = this.#ctx.retry.decide({ method, status, headers }, ++this.#retries);
    if (wait === undefined) return undefined;
    this.#logRetry(`status ${status}`, wait);
    await response.body?.cancel();
    await sleep(wait, this.#ctx.timers, this.#deadline.signal);
    return this.#attemptWithRetry();
  }

  async #attemptWithRetry(): Promise<Response> {
    try {
      return await this.#attempt();
    } catch (error) {
      return this.afterFailure(error);
    }
  }

  /** After `fetch` got no answer: retried by the policy, or the error passed on. */
  async afterFailure(error: unknown): Promise<Response> {
    const signal = this.#deadline.signal;
    const failed =
      signal?.aborted !== true &&
      error instanceof Error &&
      (isNetworkError(error) || error.name === 'TypeError');
    const wait = failed
      ? this.#ctx.retry.decide({ method: this.#hop.method }, ++this.#retries)
      : undefined;
    if (wait === undefined) throw error;
    this.#logRetry('network', wait);
    await sleep(wait, this.#ctx.timers, signal);
    return this.#attemptWithRetry();
  }

  #logRetry(reason: string, wait: number): void {
    const { method, url } = this.#hop;
    const retry = this.#retries;
    this.#ctx.logger.debug?.('ucwa retry', { method, url: redactUrl(url), reason, retry, wait });
  }

  #finish(): void {
    this.#deadline.dispose();
    this.#release?.();
  }

  succeeded<T>(result: T): T {
    this.#finish();
    this.#ctx.retry.succeeded();
    return result;
  }

  failed(error: unknown): never {
    this.#finish();
    const { request } = this;
    if (this.#deadline.timedOut()) {
      const timeout = this.#timeout === false ? 0 : this.#timeout;
      const message = `timed out after ${timeout} ms`;
      throw new UcwaTimeoutError(message, { timeout, request, cause: error });
    }
    const { signal } = this.#spec;
    if (signal?.aborted === true) throw signal.reason;
    if (isUcwaTransportError(error)) throw error;
    // ky's NetworkError holds the Request, Authorization included: keep only what fetch threw.
    const thrown = isNetworkError(error) ? error.cause : error;
    const text = thrown instanceof Error ? thrown.message : String(thrown);
    // A runtime's message may quote a header value (the token): then only a redacted copy.
    const secrets = [
      ...this.#ctx.auth.secrets(),
      ...(this.#token === undefined ? [] : [this.#token]),
    ];
    const message = redactSecrets(text, secrets);
    const cause = message === text ? thrown : new Error(message);
    throw new UcwaNetworkError(message, { request, cause });
  }
}
