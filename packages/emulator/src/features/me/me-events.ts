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

/** The events makeMeAvailable causes (EventChannelDetails.md's sample answer). */
export function availableEvents(app: ApplicationHandle): PublishedEvent[] {
  return [
    {
      sender: { rel: 'communication', href: app.href('communication') },
      type: 'updated',
      link: { rel: 'communication', href: app.href('communication') },
    },
    meEvent(app, 'updated', 'me', 'me'),
    meEvent(app, 'added', 'presence', 'me/presence'),
    meEvent(app, 'added', 'note', 'me/note'),
    meEvent(app, 'added', 'location', 'me/location'),
  ];
}
