import type { Timers } from '../../src/index.ts';

/** Timers and a clock that move only when the test says so. */
export interface FakeTimers extends Timers {
  now(): number;
  /** Moves time forward by `ms`, running each timer that falls due, in order. */
  advance(ms: number): void;
  /** Milliseconds until the next timer, or `undefined` when none waits. */
  nextDelay(): number | undefined;
  pending(): number;
}

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly fn: () => void;
  cancelled: boolean;
}

export function createFakeTimers(start = 0): FakeTimers {
  let now = start;
  let seq = 0;
  let timers: Timer[] = [];
  const live = (): Timer[] => timers.filter((t) => !t.cancelled);
  return {
    now: () => now,
    setTimeout(fn, ms) {
      const timer: Timer = { at: now + Math.max(0, ms), seq: seq++, fn, cancelled: false };
      timers.push(timer);
      return timer;
    },
    clearTimeout(handle) {
      if (handle !== undefined && handle !== null) (handle as Timer).cancelled = true;
    },
    advance(ms) {
      const target = now + ms;
      for (;;) {
        const next = live()
          .filter((t) => t.at <= target)
          .sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
        if (next === undefined) break;
        now = Math.max(now, next.at);
        next.cancelled = true;
        next.fn();
      }
      now = target;
      timers = live();
    },
    nextDelay() {
      const next = live().sort((a, b) => a.at - b.at)[0];
      return next === undefined ? undefined : next.at - now;
    },
    pending: () => live().length,
  };
}
