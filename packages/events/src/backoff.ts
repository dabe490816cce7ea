import { backoffDelay } from '@ucwa/model';
import type { BackoffOptions } from './options.ts';

export type ResolvedBackoff = Required<BackoffOptions>;

export const BACKOFF_DEFAULTS: ResolvedBackoff = {
  baseDelay: 1000,
  maxDelay: 60_000,
  jitter: 0.5,
  maxRetryAfter: 300_000,
};

export function resolveBackoff(options: BackoffOptions | undefined): ResolvedBackoff {
  const resolved = { ...BACKOFF_DEFAULTS, ...options };
  if (!(resolved.jitter >= 0 && resolved.jitter <= 1)) {
    throw new RangeError(`backoff.jitter must be between 0 and 1, got ${resolved.jitter}`);
  }
  for (const key of ['baseDelay', 'maxDelay', 'maxRetryAfter'] as const) {
    if (!(resolved[key] >= 0)) {
      throw new RangeError(`backoff.${key} must be a non-negative number, got ${resolved[key]}`);
    }
  }
  return resolved;
}

/**
 * The wait before reconnect `attempt` (1-based): the shared capped, jittered exponential
 * backoff (`@ucwa/model`'s `backoffDelay`), lengthened to a server's `Retry-After`
 * (already in milliseconds) up to `maxRetryAfter`.
 */
export function reconnectDelay(
  options: ResolvedBackoff,
  attempt: number,
  random: () => number,
  retryAfter: number | undefined,
): number {
  const jittered = backoffDelay(options, attempt, random);
  if (retryAfter === undefined) return jittered;
  return Math.max(jittered, Math.min(retryAfter, options.maxRetryAfter));
}
