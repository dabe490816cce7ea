import type { EventSender, UcwaEvent } from '@ucwa/model';
import type { Priority } from './priority.ts';

/** An event waiting in a channel's queue. */
export interface QueuedEvent {
  readonly sender: { readonly rel: string; readonly href: string };
  readonly event: UcwaEvent;
  readonly priority: Priority;
  /** When it was queued (clock ms). */
  readonly at: number;
}

/**
 * Adds `item` to `queue`, merging a superseded low-priority update: an earlier `updated`
 * event on the same resource is dropped, so the batch shows only the latest state
 * (EventsInUCWA.md, Aggregation).
 */
export function enqueue(queue: readonly QueuedEvent[], item: QueuedEvent): QueuedEvent[] {
  if (item.priority !== 'Low' || item.event.type !== 'updated') return [...queue, item];
  const kept = queue.filter(
    (q) =>
      !(
        q.priority === 'Low' &&
        q.event.type === 'updated' &&
        q.event.link.href === item.event.link.href &&
        q.sender.href === item.sender.href
      ),
  );
  return [...kept, item];
}

/**
 * Groups events into sender blocks, keeping their order: consecutive events of one
 * sender share a block, and a sender may appear again later (EventChannelDetails.md).
 */
export function toSenders(queue: readonly QueuedEvent[]): EventSender[] {
  const senders: { rel: string; href: string; events: UcwaEvent[] }[] = [];
  for (const item of queue) {
    const last = senders.at(-1);
    if (last !== undefined && last.href === item.sender.href && last.rel === item.sender.rel) {
      last.events.push(item.event);
    } else {
      senders.push({ rel: item.sender.rel, href: item.sender.href, events: [item.event] });
    }
  }
  return senders;
}

/** When a waiting P-GET must be answered, given the queue; `undefined` for never. */
export function releaseAt(
  queue: readonly QueuedEvent[],
  windows: { readonly medium: number; readonly low: number },
): number | undefined {
  let at: number | undefined;
  for (const item of queue) {
    const window =
      item.priority === 'Low' ? windows.low : item.priority === 'Medium' ? windows.medium : 0;
    const due = item.at + window * 1000;
    if (at === undefined || due < at) at = due;
  }
  return at;
}
