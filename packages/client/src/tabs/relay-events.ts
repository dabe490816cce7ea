import type { FetchEvents, SenderRef } from '@ucwa/events';
import type { EventBatch, EventSender, UcwaEvent } from '@ucwa/model';
import type { Timers } from '@ucwa/transport';

/** The events the leading tab relays, as answers to an event channel's P-GETs in this tab. */
export interface RelayedEvents {
  /** Queues one relayed event; a waiting P-GET is answered with what is queued. */
  push(event: UcwaEvent, sender: SenderRef): void;
  /**
   * The leader's channel followed `resync` (`resumed` false) or `resume`: the next answer
   * here carries the same link, so this tab's channel and session react as the leader's.
   */
  rebuild(resumed: boolean): void;
  /** Give to `createEventChannel`: answers once events are queued, or empty after a while. */
  readonly fetchEvents: FetchEvents;
}

type Queued = EventSender | { readonly rebuild: 'resume' | 'resync' };

/** The events up to the next rebuild mark (or the mark and the events after it). */
function take(queue: Queued[]): { senders: EventSender[]; mark: 'resume' | 'resync' | undefined } {
  const first = queue[0];
  const mark = first !== undefined && 'rebuild' in first ? first.rebuild : undefined;
  if (mark !== undefined) queue.shift();
  const end = queue.findIndex((q) => 'rebuild' in q);
  const senders = queue.splice(0, end === -1 ? queue.length : end) as EventSender[];
  return { senders, mark };
}

/**
 * Feeds an ordinary event channel in a tab that does not hold the application's P-GET, so
 * subscriptions, operation tracking, handler back-pressure and the reaction to `resync`
 * and `resume` work as in the leader.
 */
export function relayedEvents(timers: Timers): RelayedEvents {
  const queue: Queued[] = [];
  let waiting: (() => void) | undefined;
  let count = 0;
  const fetchEvents: FetchEvents = (href, { signal, timeout }) =>
    new Promise((resolve, reject) => {
      const answer = (): void => {
        timers.clearTimeout(timer);
        signal.removeEventListener('abort', aborted);
        waiting = undefined;
        count += 1;
        const { senders, mark } = take(queue);
        const link = `relay:events?n=${count}`;
        const batch: EventBatch =
          mark === undefined
            ? { href, next: link, senders }
            : mark === 'resume'
              ? { href, resume: link, senders }
              : { href, resync: link, senders };
        resolve(batch);
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
    rebuild: (resumed) => {
      queue.push({ rebuild: resumed ? 'resume' : 'resync' });
      waiting?.();
    },
  };
}
