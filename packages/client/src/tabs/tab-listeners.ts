import type { EventFilter, SenderRef } from '@ucwa/events';
import type { UcwaEvent } from '@ucwa/model';
import type { SessionSnapshot } from '../session/snapshot-types.ts';
import type { SessionStatus } from '../session/status.ts';

/** A tab's part: leading (it runs the session) or following (it uses the leader's). */
export type TabRole = 'electing' | 'leader' | 'follower';

type Handler = { filter: EventFilter; handler: (event: UcwaEvent, sender: SenderRef) => void };

function matches(filter: EventFilter, event: UcwaEvent, sender: SenderRef): boolean {
  return (
    (filter.rel === undefined || filter.rel === event.link.rel) &&
    (filter.sender === undefined || filter.sender === sender.rel) &&
    (filter.type === undefined || filter.type === event.type)
  );
}

/** Calls each listener of `set` with `value` (a listener may remove itself meanwhile). */
export function emit<T>(set: ReadonlySet<(value: T) => void>, value: T): void {
  for (const listener of [...set]) listener(value);
}

/** Who in this tab hears what the tabs' coordinator learns. */
export class TabListeners {
  /** The shared channel's events (relayed by the leader, or this tab's own when it leads). */
  readonly handlers = new Set<Handler>();
  readonly roleListeners = new Set<(role: TabRole) => void>();
  /** Told when the leader recreated a lost application, with its snapshot. */
  readonly restoreListeners = new Set<(snapshot: SessionSnapshot) => void>();
  /** Told of the leading session's status (and of a takeover this tab failed). */
  readonly statusListeners = new Set<(status: SessionStatus) => void>();
  /** Told when the leader's channel followed `resync` (`false`) or `resume` (`true`). */
  readonly rebuildListeners = new Set<(resumed: boolean) => void>();
  /** Told when this tab could not lead: its sign-in (or resume) failed. */
  readonly failureListeners = new Set<(error: unknown) => void>();

  deliver(event: UcwaEvent, sender: SenderRef): void {
    for (const h of [...this.handlers])
      if (matches(h.filter, event, sender)) h.handler(event, sender);
  }
}
