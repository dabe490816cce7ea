import { raceSignal } from './signals.ts';

/** The most outstanding requests UCWA accepts per user (BatchingRequests.md). */
export const SERVER_REQUEST_LIMIT = 100;

/**
 * A counting semaphore for outstanding requests. Waiters are served in order; a waiter
 * whose signal aborts leaves the queue.
 */
export interface Limiter {
  /** Takes `permits` slots (capped at the limit); the returned function gives them back. */
  acquire(permits: number, signal?: AbortSignal): Promise<() => void>;
  /**
   * Takes the slots only if they are free now and nobody waits: the release function, or
   * `undefined` (then `acquire` and wait). Saves a promise on the common path.
   */
  tryAcquire(permits: number): (() => void) | undefined;
  readonly limit: number;
  readonly active: () => number;
}

export function createLimiter(limit: number): Limiter {
  if (!Number.isInteger(limit) || limit < 1 || limit > SERVER_REQUEST_LIMIT) {
    throw new RangeError(
      `limit must be an integer from 1 to ${SERVER_REQUEST_LIMIT}, got ${limit}`,
    );
  }
  let active = 0;
  const queue: { permits: number; grant: () => void }[] = [];

  const drain = (): void => {
    while (queue.length > 0) {
      const next = queue[0];
      if (next === undefined || active + next.permits > limit) return;
      queue.shift();
      active += next.permits;
      next.grant();
    }
  };
  const releaser = (permits: number): (() => void) => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      active -= permits;
      drain();
    };
  };

  const capped = (requested: number): number => Math.min(Math.max(1, requested), limit);
  const tryAcquire = (requested: number): (() => void) | undefined => {
    const permits = capped(requested);
    if (queue.length > 0 || active + permits > limit) return undefined;
    active += permits;
    return releaser(permits);
  };

  return {
    limit,
    active: () => active,
    tryAcquire,
    async acquire(requested, signal) {
      const now = tryAcquire(requested);
      if (now !== undefined) return now;
      const permits = capped(requested);
      const entry = { permits, grant: (): void => undefined };
      const granted = new Promise<void>((resolve) => {
        entry.grant = resolve;
      });
      queue.push(entry);
      try {
        await raceSignal(granted, signal);
      } catch (error) {
        const index = queue.indexOf(entry);
        if (index === -1) releaser(permits)();
        else queue.splice(index, 1);
        throw error;
      }
      return releaser(permits);
    },
  };
}
