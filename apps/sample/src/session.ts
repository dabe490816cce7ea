// A signed-in demo user: a transport, the application resource and an event cursor.
// Every href comes from a link the server sent; no path is built by hand.
import { randomUUID } from 'node:crypto';
import {
  type EventBatch,
  findLink,
  listEmbedded,
  type UcwaEvent,
  type UnknownResource,
} from '@ucwa/model';
import { createTransport, type Transport } from '@ucwa/transport';

export interface DemoSession {
  readonly user: string;
  readonly transport: Transport;
  readonly application: UnknownResource;
  /** Waits until an event matches; events before it are handed to `seen`. */
  waitFor(
    match: (event: UcwaEvent) => boolean,
    seen?: (event: UcwaEvent) => void,
  ): Promise<UcwaEvent>;
}

function link(resource: UnknownResource, rel: string): string {
  const found = findLink(resource, rel);
  if (found === undefined) throw new Error(`${resource.rel} has no "${rel}" link`);
  return found.href;
}

export function embeddedOf(resource: UnknownResource, rel: string): UnknownResource {
  const found = listEmbedded(resource, rel)[0];
  if (found === undefined) throw new Error(`${resource.rel} embeds no "${rel}"`);
  return found;
}

/** Discovery → 401 challenge → token → user → application, then makeMeAvailable. */
export async function signIn(origin: string, user: string, password: string): Promise<DemoSession> {
  const transport = createTransport({ origin, format: 'json', auth: { username: user, password } });
  const root = await transport.get('/', { auth: false });
  const userResource = await transport.get(link(root, 'user'));
  const created = await transport.post(link(userResource, 'applications'), {
    properties: { UserAgent: 'ucwa-demo/1.0', EndpointId: randomUUID(), Culture: 'en-US' },
  });
  const application = created.resource ?? (await transport.get(created.location ?? ''));
  const me = embeddedOf(application, 'me');
  await transport.post(link(me, 'makeMeAvailable'), {
    properties: { SupportedModalities: ['Messaging'], SupportedMessageFormats: ['Plain', 'Html'] },
  });
  let cursor = link(application, 'events');
  const pending: UcwaEvent[] = [];
  const next = async (): Promise<void> => {
    // medium=0 and low=0: answer as soon as anything is queued (the demo is interactive).
    const batch: EventBatch = await transport.getEvents(cursor, {
      query: { medium: '0', low: '0' },
      timeout: false,
    });
    cursor = batch.next ?? batch.resume ?? batch.resync ?? cursor;
    for (const sender of batch.senders) pending.push(...sender.events);
  };
  return {
    user,
    transport,
    application,
    async waitFor(match, seen) {
      for (;;) {
        const event = pending.shift();
        if (event === undefined) await next();
        else if (match(event)) return event;
        else seen?.(event);
      }
    },
  };
}
