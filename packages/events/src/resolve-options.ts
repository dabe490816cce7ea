import { systemTimers, type Timers } from '@ucwa/model';
import { type ResolvedBackoff, resolveBackoff } from './backoff.ts';
import type { EventChannelOptions } from './options.ts';
import type { FetchEvents } from './types.ts';

/** Default milliseconds a P-GET may outlive its `timeout` before the watchdog re-issues it. */
export const DEFAULT_WATCHDOG_MARGIN = 30_000;

/** The options a channel runs with, defaults filled in. */
export interface ResolvedOptions {
  readonly fetchEvents: FetchEvents;
  readonly timers: Timers;
  readonly now: () => number;
  readonly random: () => number;
  readonly backoff: ResolvedBackoff;
  /** The watchdog margin, in milliseconds. */
  readonly margin: number;
  readonly signal: AbortSignal | undefined;
}

/** Fills in the defaults of `options` (the host's timers, clock and random). */
export function resolveOptions(options: EventChannelOptions): ResolvedOptions {
  return {
    fetchEvents: options.fetchEvents,
    timers: options.timers ?? systemTimers,
    now: options.now ?? Date.now,
    random: options.random ?? Math.random,
    backoff: resolveBackoff(options.backoff),
    margin: options.watchdogMargin ?? DEFAULT_WATCHDOG_MARGIN,
    signal: options.signal,
  };
}
