/**
 * The timer functions the packages schedule with, injectable so that tests drive them
 * (`setTimeout`'s handle is opaque to the caller).
 */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The host's own timers: `globalThis.setTimeout` and `clearTimeout`, looked up at each call. */
export const systemTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};
