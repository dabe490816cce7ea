import type { Timers } from '@ucwa/model';
import type { ChannelSettings, EventCursor, FetchEvents } from './types.ts';

/** The injectable timer functions (`globalThis`'s by default). */
export type { Timers } from '@ucwa/model';

/** Reconnection after a failed P-GET: capped exponential backoff with jitter. */
export interface BackoffOptions {
  /** Milliseconds before the first retry. Default 1,000. */
  readonly baseDelay?: number;
  /** The cap. Default 60,000. */
  readonly maxDelay?: number;
  /** Fraction of each delay drawn at random (0 to 1): delay × (1 − jitter × random). Default 0.5. */
  readonly jitter?: number;
  /** The longest `Retry-After` honoured, in milliseconds. Default 300,000. */
  readonly maxRetryAfter?: number;
}

/** Kept events of operations nobody tracks yet (OperationResource.md's race). */
export interface OperationBufferOptions {
  /** Milliseconds an untracked operation's events are kept. Default 60,000. */
  readonly ttl?: number;
  /** Operations kept at most; the oldest go first. Default 256. */
  readonly maxOperations?: number;
}

/** Options of {@link createEventChannel}. */
export interface EventChannelOptions {
  /** Sends one P-GET (the transport's `getEvents` fits). */
  readonly fetchEvents: FetchEvents;
  /** The application's `events` href. Give this or `cursor`. */
  readonly href?: string;
  /** Where a stopped channel left off (its `cursor`). Takes precedence over `href`. */
  readonly cursor?: EventCursor;
  /** Aggregation settings, clamped to the documented ranges. */
  readonly settings?: Partial<ChannelSettings>;
  /** Milliseconds a P-GET may outlive its `timeout` before it is aborted and re-issued. Default 30,000. */
  readonly watchdogMargin?: number;
  readonly backoff?: BackoffOptions;
  readonly operations?: OperationBufferOptions;
  /** Stops the channel when aborted. */
  readonly signal?: AbortSignal;
  readonly timers?: Timers;
  /** Milliseconds since the epoch. Default `Date.now`. */
  readonly now?: () => number;
  /** A number in [0, 1). Default `Math.random`. */
  readonly random?: () => number;
}
