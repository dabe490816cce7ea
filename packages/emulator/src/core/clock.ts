/** An opaque handle returned by {@link Clock.setTimeout}. */
export interface TimerHandle {
  readonly cancel: () => void;
}

/**
 * Time as the emulator sees it. Every timer (P-GET timeouts, aggregation windows,
 * fault delays) and every expiry (tokens, idle applications) goes through one clock, so
 * tests can inject {@link createManualClock} and never sleep.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Runs `fn` once after `ms` milliseconds. */
  setTimeout(fn: () => void, ms: number): TimerHandle;
}

/** The real clock: `Date.now` and Node's timers. */
export function systemClock(): Clock {
  return {
    now: () => Date.now(),
    setTimeout(fn, ms) {
      const timer = setTimeout(fn, Math.max(0, ms));
      return { cancel: () => clearTimeout(timer) };
    },
  };
}

/** A clock that only moves when told to, for deterministic tests. */
export interface ManualClock extends Clock {
  /** Moves time forward by `ms`, running every timer that falls due, in order. */
  advance(ms: number): void;
  /** How many timers are waiting. */
  pending(): number;
}

interface ManualTimer {
  readonly at: number;
  readonly seq: number;
  readonly fn: () => void;
  cancelled: boolean;
}

/**
 * A manual clock starting at `startMs`.
 *
 * @example
 * ```ts
 * const clock = createManualClock(Date.UTC(2024, 0, 1));
 * const emulator = createEmulator({ clock });
 * clock.advance(180_000); // releases P-GETs that time out after 180 s
 * ```
 */
export function createManualClock(startMs = 0): ManualClock {
  let now = startMs;
  let seq = 0;
  let timers: ManualTimer[] = [];
  return {
    now: () => now,
    setTimeout(fn, ms) {
      const timer: ManualTimer = { at: now + Math.max(0, ms), seq: seq++, fn, cancelled: false };
      timers.push(timer);
      return {
        cancel: () => {
          timer.cancelled = true;
        },
      };
    },
    advance(ms) {
      const target = now + ms;
      for (;;) {
        const next = timers
          .filter((t) => !t.cancelled && t.at <= target)
          .sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
        if (next === undefined) break;
        now = Math.max(now, next.at);
        next.cancelled = true;
        next.fn();
      }
      now = target;
      timers = timers.filter((t) => !t.cancelled);
    },
    pending: () => timers.filter((t) => !t.cancelled).length,
  };
}
