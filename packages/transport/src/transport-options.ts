import type { AuthOption } from './auth/credentials.ts';
import type { Codecs, Format } from './codecs.ts';
import type { FetchLike } from './http/fetch-like.ts';
import type { Logger } from './logger.ts';
import type { RetryOptions } from './retry/retry-options.ts';
import type { Timers } from './signals.ts';

/** Options of `createTransport`. Each documents its default; the README's table lists them all. */
export interface TransportOptions {
  /** The UCWA origin (`https://lyncweb.contoso.com`); relative hrefs resolve against it. Required. */
  readonly origin: string;
  /** More origins trusted with the token from the start (approved pool redirects). Default `[]`. */
  readonly trustedOrigins?: readonly string[];
  /** The `fetch` to call. Default `globalThis.fetch`; in Node see `@ucwa/transport/node`. */
  readonly fetch?: FetchLike;
  /** Codecs by format. Default `{ json }` from `@ucwa/codec-json`; pass `xml` to speak XML. */
  readonly codecs?: Codecs;
  /** The format sent in `Accept` and `Content-Type`. Required. */
  readonly format: Format;
  /** A `TokenProvider`, or credentials (one or several, in order of preference) for MsRtcOAuth. Required. */
  readonly auth: AuthOption;
  /** Milliseconds per call (all attempts and the body); `false` for none. Default `30_000`. */
  readonly timeout?: number | false;
  /** Retry rules; `false` for none. Each rule documents its default (see `RetryOptions`). */
  readonly retry?: RetryOptions | false;
  /** Most outstanding requests (a batch counts one per part), 1 to 100. Default `20`. */
  readonly limit?: number;
  /** Where to log (redacted). Default: nothing is logged. */
  readonly logger?: Logger;
  /** A `User-Agent` header (ignored by browsers). Default: the runtime's own. */
  readonly userAgent?: string;
  /** `X-MS-RequiresMinResourceVersion` on every request. Default: not sent. */
  readonly minResourceVersion?: number;
  /** Refresh a token this many ms before it expires. Default `300_000` (5 minutes). */
  readonly refreshMargin?: number;
  /** ETag cache for GET: `true` or `{ maxEntries }`. Default `false`. */
  readonly cache?: boolean | { readonly maxEntries?: number };
  /**
   * Largest body read, in bytes: resources, error bodies, token answers and each batch part.
   * Reading stops once more has arrived (a `UcwaResponseError`). Default `4_194_304` (4 MiB).
   */
  readonly maxBytes?: number;
  /** Timer functions. Default `globalThis.setTimeout`/`clearTimeout`. */
  readonly timers?: Timers;
  /** Clock in epoch ms. Default `Date.now`. */
  readonly now?: () => number;
  /** Random numbers in [0, 1) for jitter. Default `Math.random`. */
  readonly random?: () => number;
}

/** The defaults of {@link TransportOptions}, internal: the README and the TSDoc above state them. */
export const TRANSPORT_DEFAULTS = {
  timeout: 30_000,
  limit: 20,
  refreshMargin: 300_000,
  cacheEntries: 100,
  maxBytes: 4 * 1024 * 1024,
} as const;
