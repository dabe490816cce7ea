import type { EventBatch } from '@ucwa/model';
import type { Timers } from './options.ts';
import type { FetchEvents } from './types.ts';

/** One P-GET the channel sent. */
export interface PGet {
  readonly href: string;
  readonly controller: AbortController;
  readonly carriesSettings: boolean;
  /** The liveness watchdog's timer. */
  readonly watchdog: unknown;
}

/** The P-GET outlived its timeout plus the margin (the liveness watchdog fired). */
export class WatchdogTimeout extends Error {
  override readonly name = 'WatchdogTimeout';
}

export interface PGetSpec {
  readonly fetchEvents: FetchEvents;
  readonly timers: Timers;
  readonly href: string;
  /** Query parameters to send (the settings), or `undefined`. */
  readonly query: Readonly<Record<string, string>> | undefined;
  /** Milliseconds before the watchdog fires; also the request's timeout. */
  readonly timeout: number;
  readonly onWatchdog: (request: PGet) => void;
  readonly onBatch: (request: PGet, batch: EventBatch) => void;
  readonly onFailure: (request: PGet, error: unknown) => void;
}

/**
 * Sends one P-GET with its own abort controller and watchdog; its outcome goes to the
 * callbacks, which tell by identity whether the request is still the one that counts. A
 * `fetchEvents` that throws instead of rejecting is a failure like any other.
 */
export function sendPGet(spec: PGetSpec): PGet {
  const controller = new AbortController();
  const request: PGet = {
    href: spec.href,
    controller,
    carriesSettings: spec.query !== undefined,
    watchdog: spec.timers.setTimeout(() => spec.onWatchdog(request), spec.timeout),
  };
  let answer: Promise<EventBatch>;
  try {
    answer = spec.fetchEvents(spec.href, {
      signal: controller.signal,
      timeout: spec.timeout,
      ...(spec.query === undefined ? {} : { query: spec.query }),
    });
  } catch (error) {
    answer = Promise.reject(error);
  }
  answer.then(
    (batch) => spec.onBatch(request, batch),
    (error: unknown) => spec.onFailure(request, error),
  );
  return request;
}
