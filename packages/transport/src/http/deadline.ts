import { UcwaTimeoutError } from '../errors/other-errors.ts';
import type { Timers } from '../signals.ts';

/** A call's combined abort signal: the caller's signal and its timeout. */
export interface Deadline {
  readonly signal: AbortSignal;
  /** Whether the timeout (not the caller) aborted the call. */
  timedOut(): boolean;
  /** Stops the timer; call when the call settles. */
  dispose(): void;
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
  return new CallDeadline(timeout, timers, signal);
}

class CallDeadline implements Deadline {
  readonly signal: AbortSignal;
  readonly #timers: Timers;
  readonly #handle: unknown;
  #timedOut = false;

  constructor(timeout: number | false, timers: Timers, signal: AbortSignal | undefined) {
    const controller = new AbortController();
    this.#timers = timers;
    this.#handle =
      timeout === false
        ? undefined
        : timers.setTimeout(() => {
            this.#timedOut = true;
            controller.abort(new UcwaTimeoutError(timeout));
          }, timeout);
    this.signal =
      signal === undefined ? controller.signal : AbortSignal.any([signal, controller.signal]);
  }

  timedOut(): boolean {
    return this.#timedOut;
  }

  dispose(): void {
    if (this.#handle !== undefined) this.#timers.clearTimeout(this.#handle);
  }
}
