import type { EventBatch, PropertyBag, UnknownResource } from '@ucwa/model';
import { systemTimers } from '@ucwa/model';
import { createAuthSession } from './auth/auth-session.ts';
import type { AccessToken } from './auth/credentials.ts';
import type { BatchRequest, BatchResult } from './batch/batch-request.ts';
import { runBatch } from './batch/run-batch.ts';
import { createCodecSet, type ResourceInput, type TextBody } from './codecs.ts';
import { UcwaLinkError } from './errors/link-error.ts';
import { createEtagCache, type EtagCache } from './etag-cache.ts';
import type { CallOptions, GetOptions } from './http/call-options.ts';
import type { TransportContext } from './http/context.ts';
import { createKy } from './http/create-ky.ts';
import { createDeadline } from './http/deadline.ts';
import { type BytesAnswer, getBytes } from './http/get-bytes.ts';
import { send } from './http/send.ts';
import { callSpec, type SendSpec } from './http/send-spec.ts';
import type { UcwaResponse } from './http/ucwa-response.ts';
import { createLimiter } from './limiter.ts';
import { silentLogger } from './logger.ts';
import { getAs, getEventBatch } from './operations/get.ts';
import { conditionalPut } from './operations/put.ts';
import { createOriginPolicy } from './origin-policy.ts';
import { resolveRetryOptions } from './retry/retry-options.ts';
import { createRetryPolicy } from './retry/retry-policy.ts';
import { selectLink } from './select-link.ts';
import { TRANSPORT_DEFAULTS, type TransportOptions } from './transport-options.ts';

/** Options of `follow`. */
export interface FollowOptions extends GetOptions {
  /** The lowest link revision accepted; also sent as `X-MS-RequiresMinResourceVersion`. */
  readonly minRevision?: number;
}

/** The UCWA command channel of one session. */
export interface Transport {
  /** The origin relative hrefs resolve against. */
  readonly origin: string;
  /** Origins the token may go to. */
  readonly trustedOrigins: readonly string[];
  /** Trusts another origin (a pool redirect the caller checked). */
  trustOrigin(origin: string): void;
  /** GET a resource. */
  get(href: string, options?: GetOptions): Promise<UnknownResource>;
  /** GET with the whole answer (status, `X-MS-UcwaVersion`, ETag, cache hit). */
  getResponse(href: string, options?: GetOptions): Promise<UcwaResponse>;
  /** The event channel's pending GET; pass a `timeout` longer than the server's hold. */
  getEvents(href: string, options?: CallOptions): Promise<EventBatch>;
  /**
   * POST an input (properties and links, encoded by the codec), a {@link TextBody} (a
   * message's text) or nothing. A 201's `Location` is in the answer.
   */
  post(
    href: string,
    input?: ResourceInput | TextBody,
    options?: CallOptions,
  ): Promise<UcwaResponse>;
  /** PUT every property of `resource` with `changes`, `If-Match` its ETag. */
  put(
    resource: UnknownResource,
    changes?: PropertyBag,
    options?: CallOptions,
  ): Promise<UcwaResponse>;
  delete(href: string, options?: CallOptions): Promise<UcwaResponse>;
  /** GET the link `rel` of `resource` (its first, or the first of `minRevision`). */
  follow(resource: UnknownResource, rel: string, options?: FollowOptions): Promise<UnknownResource>;
  /** One `multipart/batching` POST to `href` (the application's `batch` link). */
  batch(
    href: string,
    requests: readonly BatchRequest[],
    options?: CallOptions,
  ): Promise<BatchResult[]>;
  /** GET an answer as bytes, not decoded (a photo); bounded by `maxBytes`. */
  getBytes(href: string, options?: CallOptions): Promise<BytesAnswer>;
  /**
   * The access token held now, with its expiry, unless it has expired; `undefined` before
   * the first token. A secret: for a caller that stores a session to resume it.
   */
  currentToken(): AccessToken | undefined;
}

function buildContext(options: TransportOptions): TransportContext {
  const timers = options.timers ?? systemTimers;
  const now = options.now ?? Date.now;
  const fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeout = options.timeout ?? TRANSPORT_DEFAULTS.timeout;
  const maxBytes = options.maxBytes ?? TRANSPORT_DEFAULTS.maxBytes;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) {
    throw new RangeError(`maxBytes must be a positive integer, got ${maxBytes}`);
  }
  const policy = createOriginPolicy(options.origin, options.trustedOrigins);
  const auth = createAuthSession({
    auth: options.auth,
    policy,
    fetch,
    now,
    refreshMargin: options.refreshMargin ?? TRANSPORT_DEFAULTS.refreshMargin,
    // A token request is shared by every waiting call, so it has its own timeout, not theirs.
    tokenDeadline: () => createDeadline(timeout, timers, undefined),
    maxBytes,
  });
  return {
    ky: createKy(fetch),
    codecs: createCodecSet(options.format, options.codecs),
    policy,
    auth,
    retry: createRetryPolicy(
      resolveRetryOptions(options.retry),
      options.random ?? Math.random,
      now,
    ),
    limiter: createLimiter(options.limit ?? TRANSPORT_DEFAULTS.limit),
    logger: options.logger ?? silentLogger,
    timers,
    now,
    timeout,
    userAgent: options.userAgent,
    minResourceVersion: options.minResourceVersion,
    maxBytes,
    decodeOptions: Object.freeze({ maxBytes }),
  };
}

/**
 * Creates the command channel of one UCWA session: auth and token lifetime, origin
 * policy, retries, timeouts, content negotiation, conditional PUT and batch, on ky.
 *
 * @example
 * ```ts
 * import { createTransport } from '@ucwa/transport';
 *
 * const transport = createTransport({
 *   origin: 'https://lyncweb.contoso.com',
 *   format: 'json',
 *   auth: { username: 'john@contoso.com', password },
 * });
 * const user = await transport.get('/Autodiscover/AutodiscoverService.svc/root/oauth/user');
 * const app = await transport.post(findLink(user, 'applications')!.href, {
 *   properties: { userAgent: 'demo', endpointId: crypto.randomUUID(), culture: 'en-US' },
 * });
 * ```
 */
export function createTransport(options: TransportOptions): Transport {
  const ctx = buildContext(options);
  const cache = cacheFor(options.cache);
  const resolve = resolverFor(ctx);
  const cacheOf = (o: GetOptions) => (o.cache === false ? undefined : cache);
  const get = (href: string, o: GetOptions = {}): Promise<UnknownResource> => {
    // As `attempt` does, without its closure: `get` is the call made most.
    try {
      return getAs(ctx, cacheOf(o), resolve(href, o), o, 'resource');
    } catch (error) {
      return Promise.reject(error);
    }
  };
  const plain = (method: SendSpec['method'], href: string, o: CallOptions, body?: TextBody) =>
    attempt(() => send(ctx, plainSpec(method, resolve(href, o), o, body), 'answer'));
  const refetch = (href: string, o: CallOptions) => get(href, { ...o, cache: false });

  return {
    get origin() {
      return ctx.policy.origin;
    },
    get trustedOrigins() {
      return ctx.policy.trusted;
    },
    trustOrigin: (origin) => ctx.policy.trust(origin),
    get,
    getResponse: (href, o = {}) =>
      attempt(() => getAs(ctx, cacheOf(o), resolve(href, o), o, 'answer')),
    getEvents: (href, o = {}) => attempt(() => getEventBatch(ctx, resolve(href, o), o)),
    post: (href, input, o = {}) =>
      input === undefined || 'text' in input
        ? plain('POST', href, o, input)
        : attempt(() => {
            const text = ctx.codecs.send.encodeInput(input);
            return plain('POST', href, o, { text, contentType: ctx.codecs.mediaType });
          }),
    put: (resource, changes = {}, o = {}) =>
      conditionalPut({ ctx, resolve, refetch }, resource, changes, o),
    delete: (href, o = {}) => plain('DELETE', href, o),
    follow: (resource, rel, o = {}) =>
      attempt(() => {
        const target = followTarget(ctx, resource, rel, o, resolve);
        return getAs(ctx, cacheOf(target.options), target.url, target.options, 'resource');
      }),
    batch: (href, requests, o = {}) => attempt(() => runBatch(ctx, resolve(href, o), requests, o)),
    getBytes: (href, o = {}) => attempt(() => getBytes(ctx, resolve(href, o), o)),
    currentToken: () => ctx.auth.token(),
  };
}

/** Resolves an href (with the call's query, against `base` if given) and checks its origin. */
function resolverFor(ctx: TransportContext) {
  return (href: string, o: CallOptions, base?: string): URL =>
    o.query === undefined && base === undefined
      ? ctx.policy.resolve(href)
      : ctx.policy.resolve(href, {
          ...(o.query === undefined ? {} : { query: o.query }),
          ...(base === undefined ? {} : { base }),
        });
}

/** A call with an optional body sent as it is, with its content type. */
function plainSpec(
  method: SendSpec['method'],
  url: URL,
  o: CallOptions,
  body: TextBody | undefined,
): SendSpec {
  const spec = callSpec(method, url, o);
  return body === undefined ? spec : { ...spec, body: body.text, contentType: body.contentType };
}

/**
 * Runs `start`, turning what it throws before returning (an untrusted href, a missing
 * link) into a rejection, as an `async` function would, without one's extra promise.
 */
function attempt<T>(start: () => Promise<T>): Promise<T> {
  try {
    return start();
  } catch (error) {
    return Promise.reject(error);
  }
}

function cacheFor(option: TransportOptions['cache']): EtagCache | undefined {
  if (option === undefined || option === false) return undefined;
  const max = option === true ? undefined : option.maxEntries;
  return createEtagCache(max ?? TRANSPORT_DEFAULTS.cacheEntries);
}

/**
 * Where `follow` goes: the chosen link resolved against the resource's own URL, and the
 * link's minimum revision sent as `X-MS-RequiresMinResourceVersion`.
 */
function followTarget(
  ctx: TransportContext,
  resource: UnknownResource,
  rel: string,
  o: FollowOptions,
  resolve: (href: string, o: CallOptions, base?: string) => URL,
): { url: URL; options: FollowOptions } {
  const link = selectLink(resource, rel, o.minRevision);
  if (link === undefined) {
    const wanted = o.minRevision === undefined ? '' : ` of revision ${o.minRevision} or later`;
    throw new UcwaLinkError(`${resource.rel} has no "${rel}" link${wanted}`, {
      resourceRel: resource.rel,
      missingRel: rel,
      minRevision: o.minRevision,
    });
  }
  const base = resource.href === '' ? undefined : new URL(resource.href, ctx.policy.origin).href;
  const minResourceVersion = o.minResourceVersion ?? o.minRevision;
  return {
    url: resolve(link.href, o, base),
    options: minResourceVersion === undefined ? o : { ...o, minResourceVersion },
  };
}
