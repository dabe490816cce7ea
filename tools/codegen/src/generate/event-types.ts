// Event types as the reference's pages name them, and as the event channel sends them.
import type { EventType } from '../extract/types.ts';

/** The wire spelling of each event type (EventsInUCWA.md: `"type": "added"`). */
export const WIRE_EVENT: Readonly<Record<EventType, string>> = {
  Added: 'added',
  Updated: 'updated',
  Deleted: 'deleted',
  Started: 'started',
  Completed: 'completed',
};

/** Every wire event type, in the order the reference lists them. */
export const WIRE_EVENT_TYPES: readonly string[] = Object.values(WIRE_EVENT);
