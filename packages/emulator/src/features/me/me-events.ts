import type { EventType } from '@ucwa/model';
import type { ApplicationHandle } from '../../apps/application.ts';
import type { PublishedEvent } from '../../events/publisher.ts';

/** An event sent by `me` about one of its resources (me_ref.md, presence_ref.md, …). */
export function meEvent(
  app: ApplicationHandle,
  type: EventType,
  rel: string,
  path: string,
): PublishedEvent {
  return { sender: { rel: 'me', href: app.href('me') }, type, link: { rel, href: app.href(path) } };
}

/**
 * The events of me that makeMeAvailable causes (EventChannelDetails.md's sample answer);
 * the communication feature sends its `communication` update just before them.
 */
export function meEvents(app: ApplicationHandle): PublishedEvent[] {
  return [
    meEvent(app, 'updated', 'me', 'me'),
    meEvent(app, 'added', 'presence', 'me/presence'),
    meEvent(app, 'added', 'note', 'me/note'),
    meEvent(app, 'added', 'location', 'me/location'),
  ];
}
