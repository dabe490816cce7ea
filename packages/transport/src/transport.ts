import type { EventBatch, UnknownResource } from '@ucwa/model';
import { createAuthSession } from './auth/auth-session.ts';
import type { BatchRequest, BatchResult } from './batch/batch-request.ts';
import { runBatch } from './batch/run-batch.ts';
import { createCodecSet, type ResourceInput, type TextBody } from './codecs.ts';
import { createEtagCache, type EtagCache } from './etag-cache.ts';
import type { CallOptions, GetOptions } from './http/call-options.ts';
import type { TransportContext } from './http/context.ts';
import { createDeadline } from './http/deadline.ts';
import { createKy } from './http/exchange.ts';
import { readResource } from './http/read-response.ts';
import { send } from './http/send.ts';
import type { UcwaResponse } from './http/ucwa-response.ts';
import { createLimiter } from './limiter.ts';
import { silentLogger } from './logger.ts';
import { callSpec, getEventBatch, getResponse, resourceOf } from './operations/get.ts';
import { conditionalPut, type PropertyChanges } from './operations/put.ts';
import { createOriginPolicy } from './origin-policy.ts';
import { resolveRetryOptions } from './retry/retry-options.ts';
import { createRetryPolicy } from './retry/retry-policy.ts';
import { selectLink } from './select-link.ts';
import type { Timers } from './signals.ts';
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
    changes?: PropertyChanges,
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
}

const globalTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

function buildContext(options: TransportOptions): TransportContext {
  const timers = options.timers ?? globalTimers;
  const now = options.now ?? Date.now;
  const fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeout = options.timeout ?? TRANSPORT_DEFAULTS.timeout;
  const policy = createOriginPolicy(options.origin, options.trustedOrigins);
  const auth = createAuthSession({
    auth: options.auth,
    policy,
    fetch,
    now,
    refreshMargin: options.refreshMargin ?? TRANSPORT_DEFAULTS.refreshMargin,
    // A token request is shared by every waiting call, so it has its own timeout, not theirs.
    tokenDeadline: () => createDeadline(timeout, timers, undefined),
  });
  return {
    ky: createKy(fetch),
    fetch,
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
    maxBytes: options.maxBytes,
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
  const resolve = (href: string, o: CallOptions, base?: string): URL =>
    o.query === undefined && base === undefined
      ? ctx.policy.resolve(href)
      : ctx.policy.resolve(href, {
          ...(o.query === undefined ? {} : { query: o.query }),
          ...(base === undefined ? {} : { base }),
        });
  const answer = (url: URL, o: GetOptions): Promise<UcwaResponse> =>
    getResponse(ctx, o.cache === false ? undefined : cache, url, o);
  const get = async (href: string, o: GetOptions = {}): Promise<UnknownResource> =>
    resourceOf(await answer(resolve(href, o), o));
  const plain = (
    method: string,
    href: string,
    o: CallOptions,
    body?: string,
    contentType: string = ctx.codecs.mediaType,
  ) =>
    send(
      ctx,
      {
        ...callSpec(method, resolve(href, o), o),
        ...(body === undefined ? {} : { body, contentType }),
      },
      (sent) => readResource(ctx, sent),
    );
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
    getResponse: (href, o = {}) => answer(resolve(href, o), o),
    getEvents: (href, o = {}) => getEventBatch(ctx, resolve(href, o), o),
    post: (href, input, o = {}) =>
      input !== undefined && 'text' in input
        ? plain('POST', href, o, input.text, input.contentType)
        : plain('POST', href, o, input && ctx.codecs.send.encodeInput(input)),
    put: (resource, changes = {}, o = {}) =>
      conditionalPut({ ctx, resolve, refetch }, resource, changes, o),
    delete: (href, o = {}) => plain('DELETE', href, o),
    follow: async (resource, rel, o = {}) => {
      const { url, options: followOptions } = followTarget(ctx, resource, rel, o, resolve);
      return resourceOf(await answer(url, followOptions));
    },
    batch: (href, requests, o = {}) => runBatch(ctx, resolve(href, o), requests, o),
  };
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
    throw new TypeError(`${resource.rel} has no "${rel}" link${wanted}`);
  }
  const base = resource.href === '' ? undefined : new URL(resource.href, ctx.policy.origin).href;
  const minResourceVersion = o.minResourceVersion ?? o.minRevision;
  return {
    url: resolve(link.href, o, base),
    options: minResourceVersion === undefined ? o : { ...o, minResourceVersion },
  };
}
