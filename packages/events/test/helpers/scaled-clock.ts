import type { Clock } from '@ucwa/emulator';
import type { Timers } from '../../src/index.ts';

/**
 * One clock for the emulator, the transports and the channels that runs `factor` times
 * faster than real time: a P-GET the server holds for 180 s is answered after 180 ms, a
 * delay past the watchdog takes a fraction of a second, tokens expire during the run.
 * Every side reads the same clock, so their timers agree.
 */
export interface ScaledClock {
  readonly clock: Clock;
  readonly timers: Timers;
  readonly now: () => number;
}

export function createScaledClock(factor: number, start = Date.UTC(2026, 0, 1)): ScaledClock {
  const origin = performance.now();
  const now = (): number => Math.floor(start + (performance.now() - origin) * factor);
  const realMs = (ms: number): number => Math.max(0, ms / factor);
  return {
    now,
    clock: {
      now,
      setTimeout(fn, ms) {
        const handle = setTimeout(fn, realMs(ms));
        return { cancel: () => clearTimeout(handle) };
      },
    },
    timers: {
      setTimeout: (fn, ms) => setTimeout(fn, realMs(ms)),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    },
  };
}
