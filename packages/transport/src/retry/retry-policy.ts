import { backoffDelay, parseRetryAfter } from '@ucwa/model';
import type { ResolvedRetryOptions } from './retry-options.ts';
import { IDEMPOTENT, RETRY_AFTER_STATUSES, RETRY_STATUSES } from './retry-options.ts';

/** What failed: a status, or a network error (no status). */
export interface RetryCause {
  readonly method: string;
  readonly status?: number;
  readonly headers?: Headers;
}

/**
 * The session's retry decisions: which failures are retried, how long to wait, and the
 * shared budget.
 */
export interface RetryPolicy {
  /** The wait before retry number `attempt` (1-based), or `undefined`: do not retry. */
  decide(cause: RetryCause, attempt: number): number | undefined;
  /** A call succeeded: refill the budget a little. */
  succeeded(): void;
  /** The wait for a 429 batch split (POST, but safe: none of it ran). */
  batchDelay(headers: Headers, attempt: number): number | undefined;
  readonly options: ResolvedRetryOptions;
}

export function createRetryPolicy(
  options: ResolvedRetryOptions,
  random: () => number,
  now: () => number,
): RetryPolicy {
  let tokens = options.budget;

  const backoff = (attempt: number): number => backoffDelay(options, attempt, random);
  const wait = (
    status: number | undefined,
    headers: Headers | undefined,
    attempt: number,
  ): number => {
    if (status !== undefined && RETRY_AFTER_STATUSES.has(status) && headers !== undefined) {
      const after = parseRetryAfter(headers.get('retry-after'), now());
      if (after !== undefined) return Math.min(after, options.maxRetryAfter);
    }
    return backoff(attempt);
  };
  const spend = (): boolean => {
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };

  return {
    options,
    decide(cause, attempt) {
      if (attempt > options.limit || !IDEMPOTENT.has(cause.method)) return undefined;
      if (cause.status !== undefined && !RETRY_STATUSES.has(cause.status)) return undefined;
      if (!spend()) return undefined;
      return wait(cause.status, cause.headers, attempt);
    },
    batchDelay(headers, attempt) {
      if (attempt > options.limit || !spend()) return undefined;
      return wait(429, headers, attempt);
    },
    succeeded() {
      tokens = Math.min(options.budget, tokens + options.budgetRefill);
    },
  };
}
