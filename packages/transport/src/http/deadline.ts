import { UcwaTimeoutError } from '../errors/timeout-error.ts';
import type { Timers } from '../signals.ts';

/** A call's combined abort signal: the caller's signal and its timeout. */
export interface Deadline {
  /** Aborts when the caller's signal does or the timeout runs out; `undefined` when neither can. */
  readonly signal: AbortSignal | undefined;
  /** Whether the timeout (not the caller) aborted the call. */
  timedOut(): boolean;
  /** Stops the timer and leaves the caller's signal; call when the call settles. */
  dispose(): void;
}

/**
 * One timer for the whole call (every attempt, the waits between them, and reading the
 * body), on the injected timers so fake timers drive it. `timeout: false` means none: the
 * caller's signal alone ends the call (a P-GET held up to 1,800 s), and is used as it is.
 */
export function createDeadline(
  timeout: number | false,
  timers: Timers,
  signal: AbortSignal | undefined,
): Deadline {
  return timeout === false ? new SignalOnly(signal) : new CallDeadline(timeout, timers, signal);
}

class SignalOnly implements Deadline {
  readonly signal: AbortSignal | undefined;

  constructor(signal: AbortSignal | undefined) {
    this.signal = signal;
  }

  timedOut(): boolean {
    return false;
  }

  dispose(): void {}
}

/**
 * A controller aborted by the timer or by the caller's signal. A listener, not
 * `AbortSignal.any`: cheaper per call, and removed when the call settles.
 */
class CallDeadline implements Deadline {
  readonly signal: AbortSignal;
  readonly #timers: Timers;
  readonly #handle: unknown;
  readonly #outer: AbortSignal | undefined;
  readonly #onAbort: (() => void) | undefined;
  #timedOut = false;

  constructor(timeout: number, timers: Timers, outer: AbortSignal | undefined) {
    const controller = new AbortController();
    this.signal = controller.signal;
    this.#timers = timers;
    this.#outer = outer;
    this.#handle = timers.setTimeout(() => {
      this.#timedOut = true;
      controller.abort(new UcwaTimeoutError(`timed out after ${timeout} ms`, { timeout }));
    }, timeout);
    if (outer === undefined) return;
    if (outer.aborted) {
      controller.abort(outer.reason);
      return;
    }
    this.#onAbort = () => controller.abort(outer.reason);
    outer.addEventListener('abort', this.#onAbort, { once: true });
  }

  timedOut(): boolean {
    return this.#timedOut;
  }

  dispose(): void {
    this.#timers.clearTimeout(this.#handle);
    if (this.#onAbort !== undefined) this.#outer?.removeEventListener('abort', this.#onAbort);
  }
}
