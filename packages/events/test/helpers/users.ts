import { randomUUID } from 'node:crypto';
import * as xml from '@ucwa/codec-xml';
import {
  dataUriText,
  findLink,
  listEmbedded,
  parseDataUri,
  type UcwaEvent,
  type UnknownResource,
} from '@ucwa/model';
import { createTransport, type Transport } from '@ucwa/transport';
import type { FetchEvents } from '../../src/index.ts';
import type { ScaledClock } from './scaled-clock.ts';

/** A signed-in emulator user: a transport and the application resource. */
export interface User {
  readonly address: string;
  readonly transport: Transport;
  readonly application: UnknownResource;
  readonly eventsHref: string;
  readonly fetchEvents: FetchEvents;
  /** The href of the link `rel` on `resource`; throws naming both when it is missing. */
  href(resource: UnknownResource, rel: string): string;
}

export interface SignInOptions {
  readonly format?: 'json' | 'xml';
  readonly time?: ScaledClock;
  readonly fetch?: typeof globalThis.fetch;
}

export function linkHref(resource: UnknownResource, rel: string): string {
  const link = findLink(resource, rel);
  if (link === undefined) throw new Error(`${resource.rel} has no "${rel}" link`);
  return link.href;
}

export function embedded(resource: UnknownResource, rel: string): UnknownResource {
  const found = listEmbedded(resource, rel)[0];
  if (found === undefined) throw new Error(`${resource.rel} embeds no "${rel}"`);
  return found;
}

/** The text of a `message` event (ReceiveAnIM.md: a `plainMessage` data: link), if any. */
export function messageText(event: UcwaEvent): string | undefined {
  if (event.link.rel !== 'message' || event.resource === undefined) return undefined;
  const link = findLink(event.resource, 'plainMessage');
  return link === undefined ? undefined : dataUriText(parseDataUri(link.href));
}

/** Discovery → token → user → application → makeMeAvailable, every href from a link. */
export async function signIn(
  origin: string,
  address: string,
  options: SignInOptions = {},
): Promise<User> {
  const time = options.time;
  const transport = createTransport({
    origin,
    format: options.format ?? 'json',
    ...(options.format === 'xml' ? { codecs: { xml } } : {}),
    auth: { username: address, password: 'demo' },
    // The command channel gets time enough for a loaded machine; the channel sets its own.
    timeout: 3_600_000,
    ...(time === undefined ? {} : { timers: time.timers, now: time.now }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
  const root = await transport.get('/', { auth: false });
  const user = await transport.get(linkHref(root, 'user'));
  const created = await transport.post(linkHref(user, 'applications'), {
    properties: { userAgent: 'ucwa-events-test', endpointId: randomUUID(), culture: 'en-US' },
  });
  const application = created.resource ?? (await transport.get(created.location ?? ''));
  await transport.post(linkHref(embedded(application, 'me'), 'makeMeAvailable'), {
    properties: { supportedModalities: ['Messaging'], supportedMessageFormats: ['Plain', 'Html'] },
  });
  return {
    address,
    transport,
    application,
    eventsHref: linkHref(application, 'events'),
    fetchEvents: (href, o) => transport.getEvents(href, o),
    href: linkHref,
  };
}
