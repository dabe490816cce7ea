import type { QueryParameters } from '../origin-policy.ts';

/** Options every call takes. */
export interface CallOptions {
  /** Aborts the call (every attempt and wait); it rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /**
   * Milliseconds for the whole call: every attempt, the waits between retries and reading
   * the body. `false`: none. Default: the transport's `timeout` (30 s).
   */
  readonly timeout?: number | false;
  /** Query parameters added to the href with `URLSearchParams`, keeping the server's ones. */
  readonly query?: QueryParameters;
  /** Extra request headers. `Authorization`, `Accept` and `Content-Type` are the transport's. */
  readonly headers?: HeadersInit;
  /** Sends `X-MS-RequiresMinResourceVersion` (Versioning.md). Default: the transport's. */
  readonly minResourceVersion?: number;
  /** `false` sends no `Authorization` (discovery). Default `true`. */
  readonly auth?: boolean;
}

/** Options of `get` and `follow`. */
export interface GetOptions extends CallOptions {
  /** Use the ETag cache (`If-None-Match`, 304). Default: the transport's `cache` option. */
  readonly cache?: boolean;
}
