import { UcwaTimeoutError } from '../errors/other-errors.ts';
import type { Timers } from '../signals.ts';

/** A call's combined abort signal: the caller's signal and its timeout. */
export interface Deadline {
  readonly signal: AbortSignal;
  /** Whether the timeout (not the caller) aborted the call. */
  readonly timedOut: () => boolean;
  /** Stops the timer; call when the call settles. */
  readonly dispose: () => void;
}

/**
 * One timer for the whole call (every attempt, the waits between them, and reading the
 * body), on the injected timers so fake timers drive it. `timeout: false` means none: the
 * caller's signal alone ends the call (a P-GET held up to 1,800 s).
 */
export function createDeadline(
  timeout: number | false,
  timers: Timers,
  signal: AbortSignal | undefined,
): Deadline {
  const controller = new AbortController();
  let timedOut = false;
  let handle: unknown;
  if (timeout !== false) {
    handle = timers.setTimeout(() => {
      timedOut = true;
      controller.abort(new UcwaTimeoutError(timeout));
    }, timeout);
  }
  const combined =
    signal === undefined ? controller.signal : AbortSignal.any([signal, controller.signal]);
  return {
    signal: combined,
    timedOut: () => timedOut,
    dispose: () => {
      if (handle !== undefined) timers.clearTimeout(handle);
    },
  };
}
