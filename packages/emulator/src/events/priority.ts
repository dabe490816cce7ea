import { catalogEntry, type EventType } from '@ucwa/model';

/**
 * The four aggregation classes of EventsInUCWA.md. The catalog names High, Medium and
 * Low; `RealTime` is for events a feature knows must go out at once (incoming
 * invitations, messages). RealTime and High release a waiting P-GET immediately.
 */
export type Priority = 'RealTime' | 'High' | 'Medium' | 'Low';

/**
 * The documented priority of an event: the catalog entry of the target rel, matched by
 * type and sender, else by type alone; `Medium` when the reference says nothing.
 *
 * @example
 * ```ts
 * catalogPriority('presence', 'updated', 'me'); // 'Medium'
 * catalogPriority('audioVideo', 'updated', 'conversation'); // 'High'
 * ```
 */
export function catalogPriority(linkRel: string, type: EventType, senderRel: string): Priority {
  const events = catalogEntry(linkRel)?.events ?? [];
  const exact = events.find((e) => e.type === type && e.sender === senderRel);
  const loose = exact ?? events.find((e) => e.type === type);
  return loose?.priority ?? 'Medium';
}
