/** A capped exponential backoff with jitter. */
export interface BackoffShape {
  /** Milliseconds before the first retry. */
  readonly baseDelay: number;
  /** The cap, in milliseconds. */
  readonly maxDelay: number;
  /** Fraction of each delay drawn at random, 0 to 1. */
  readonly jitter: number;
}

/**
 * The wait before retry `attempt` (1-based): `baseDelay × 2^(attempt−1)` capped at
 * `maxDelay`, less a random share of up to `jitter` of it. One rule for every retrying
 * layer (the command channel's retries, the event channel's reconnects).
 */
export function backoffDelay(shape: BackoffShape, attempt: number, random: () => number): number {
  const exponential = Math.min(shape.maxDelay, shape.baseDelay * 2 ** (attempt - 1));
  return Math.round(exponential * (1 - shape.jitter * random()));
}

/**
 * The wait a `Retry-After` header asks for, in milliseconds: delay-seconds or an HTTP
 * date (RFC 9110 §10.2.3), measured against `now`. `undefined` when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only the IMF-fixdate form a server must send; Date.parse is too lenient to trust alone.
  if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text))
    return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
