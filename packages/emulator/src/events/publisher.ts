import type { UcwaEvent } from '@ucwa/model';
import type { Application, ApplicationHandle } from '../apps/application.ts';
import { catalogPriority, type Priority } from './priority.ts';

/**
 * An event a feature publishes (EventsInUCWA.md): the model's event (type, link, in,
 * embedded resource, status, reason) plus who sent it and how urgent it is.
 */
export interface PublishedEvent extends UcwaEvent {
  /** The resource that sent it: `me`, `people`, `communication`, a `conversation`, ... */
  readonly sender: { readonly rel: string; readonly href: string };
  /** Defaults to the catalog's priority for (link rel, type, sender rel). */
  readonly priority?: Priority;
}

/** How features reach event channels. */
export interface EventPublisher {
  /** Queues `event` on every event channel (every tab) of `app`. */
  toApplication(app: ApplicationHandle, event: PublishedEvent): void;
  /**
   * Queues events on every live application of a user; `build` makes them for each
   * application, since hrefs differ per application. Return nothing to skip one.
   */
  toUser(
    address: string,
    build: (app: ApplicationHandle) => PublishedEvent | readonly PublishedEvent[] | undefined,
  ): void;
}

/** A publisher over the registry's applications. */
export function createPublisher(
  find: (id: string) => Application | undefined,
  ofUser: (address: string) => readonly Application[],
): EventPublisher {
  const toApplication = (handle: ApplicationHandle, event: PublishedEvent): void => {
    const app = find(handle.id);
    if (app === undefined) return;
    const priority =
      event.priority ?? catalogPriority(event.link.rel, event.type, event.sender.rel);
    const { sender, priority: _, ...rest } = event;
    for (const channel of app.channels.values()) channel.push({ sender, priority, event: rest });
  };
  return {
    toApplication,
    toUser(address, build) {
      for (const app of ofUser(address)) {
        const made = build(app);
        if (made === undefined) continue;
        for (const event of Array.isArray(made) ? made : [made])
          toApplication(app, event as PublishedEvent);
      }
    },
  };
}
