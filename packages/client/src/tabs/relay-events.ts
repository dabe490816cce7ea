import type { FetchEvents, SenderRef } from '@ucwa/events';
import type { EventSender, UcwaEvent } from '@ucwa/model';
import type { Timers } from '@ucwa/transport';

/** The events the leading tab relays, as answers to an event channel's P-GETs in this tab. */
export interface RelayedEvents {
  /** Queues one relayed event; a waiting P-GET is answered with what is queued. */
  push(event: UcwaEvent, sender: SenderRef): void;
  /** Give to `createEventChannel`: answers once events are queued, or empty after a while. */
  readonly fetchEvents: FetchEvents;
}

/**
 * Feeds an ordinary event channel in a tab that does not hold the application's P-GET, so
 * subscriptions, operation tracking and handler back-pressure work as in the leader.
 */
export function relayedEvents(timers: Timers): RelayedEvents {
  let queue: EventSender[] = [];
  let waiting: (() => void) | undefined;
  let count = 0;
  const fetchEvents: FetchEvents = (href, { signal, timeout }) =>
    new Promise((resolve, reject) => {
      const answer = (): void => {
        timers.clearTimeout(timer);
        signal.removeEventListener('abort', aborted);
        waiting = undefined;
        count += 1;
        const senders = queue;
        queue = [];
        resolve({ href, next: `relay:events?n=${count}`, senders });
      };
      const aborted = (): void => {
        timers.clearTimeout(timer);
        waiting = undefined;
        reject(signal.reason);
      };
      // An empty answer well inside the channel's watchdog, as a server's hold ends.
      const timer = timers.setTimeout(answer, Math.max(1, Math.floor(timeout / 2)));
      if (signal.aborted) return aborted();
      signal.addEventListener('abort', aborted, { once: true });
      if (queue.length > 0) answer();
      else waiting = answer;
    });
  return {
    fetchEvents,
    push: (event, sender) => {
      queue.push({ rel: sender.rel, href: sender.href, events: [event] });
      waiting?.();
    },
  };
}
