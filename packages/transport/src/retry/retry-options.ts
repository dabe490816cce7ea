/** How the transport retries (see the README's retry rules). */
export interface RetryOptions {
  /** Most retries of one call (not counting the first attempt). Default `2`. */
  readonly limit?: number;
  /** Wait before the first retry, in ms; doubled for each further one. Default `500`. */
  readonly baseDelay?: number;
  /** Largest backoff wait, in ms. Default `30_000`. */
  readonly maxDelay?: number;
  /**
   * Share of the backoff wait that is random, 0 to 1: the wait is
   * `backoff × (1 − jitter × random())`. Default `0.5`.
   */
  readonly jitter?: number;
  /** Largest `Retry-After` honoured, in ms; longer ones are capped to it. Default `60_000`. */
  readonly maxRetryAfter?: number;
  /**
   * The retry budget shared by every call of the session: each retry spends one token, each
   * success earns `budgetRefill` back, up to `budget`. With none left, failures are not
   * retried, so a failing server is not hammered. Default `10`.
   */
  readonly budget?: number;
  /** Tokens a success returns to the budget. Default `0.1`. */
  readonly budgetRefill?: number;
}

export type ResolvedRetryOptions = Required<RetryOptions>;

export const RETRY_DEFAULTS: ResolvedRetryOptions = {
  limit: 2,
  baseDelay: 500,
  maxDelay: 30_000,
  jitter: 0.5,
  maxRetryAfter: 60_000,
  budget: 10,
  budgetRefill: 0.1,
};

/** Methods that may be retried (idempotent ones). POST never is, except a batch rejected with 429. */
export const IDEMPOTENT = new Set(['GET', 'PUT', 'DELETE']);

/** Statuses retried with backoff. */
export const RETRY_STATUSES = new Set([502, 503, 504, 429]);

/** Statuses whose `Retry-After` is honoured. */
export const RETRY_AFTER_STATUSES = new Set([429, 503]);

export function resolveRetryOptions(
  options: RetryOptions | false | undefined,
): ResolvedRetryOptions {
  if (options === false) return { ...RETRY_DEFAULTS, limit: 0 };
  const resolved = { ...RETRY_DEFAULTS, ...options };
  if (!Number.isInteger(resolved.limit) || resolved.limit < 0) {
    throw new RangeError(`retry.limit must be a non-negative integer, got ${resolved.limit}`);
  }
  if (resolved.jitter < 0 || resolved.jitter > 1) {
    throw new RangeError(`retry.jitter must be from 0 to 1, got ${resolved.jitter}`);
  }
  return resolved;
}
