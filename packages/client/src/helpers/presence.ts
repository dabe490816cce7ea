import {
  type Availability,
  AvailabilityValues,
  isResource,
  type PreferredAvailability,
  type Resource,
  type UnknownResource,
} from '@ucwa/model';
import { currentMe } from '../session/availability.ts';
import { invokeLink } from '../session/invoke.ts';
import type { SessionCore } from '../session/session-core.ts';
import { subscribe } from '../session/subscribe.ts';
import { type PresenceSubscription, subscribePresence } from './presence-subscription.ts';

/**
 * What {@link Presence.setAvailability} accepts (the catalog's `PreferredAvailability`), in
 * the order a picker shows them: the everyday ones first.
 */
export const SETTABLE_AVAILABILITIES: readonly PreferredAvailability[] = [
  'Online',
  'Busy',
  'DoNotDisturb',
  'BeRightBack',
  'Away',
  'Offwork',
];

/** A contact's presence as an event reported it. */
export interface ContactPresenceChange {
  /** The contact's href (the event's `in` link). */
  readonly contact: string;
  readonly availability: Availability | undefined;
  readonly activity: string | undefined;
  readonly resource: UnknownResource;
}

/** Options of `presence.subscribe`. */
export interface PresenceSubscribeOptions {
  /** Minutes the server keeps the subscription; it is extended before it lapses. Default 30. */
  readonly duration?: number;
}

/** My presence, note and location, and my contacts' presence (Me and People task pages). */
export interface Presence {
  /** My presence resource, read from the server. */
  get(): Promise<Resource<'presence'>>;
  /** Sets my availability: one of {@link SETTABLE_AVAILABILITIES}. */
  setAvailability(availability: PreferredAvailability): Promise<Resource<'presence'>>;
  /** Sets my personal note. */
  setNote(message: string): Promise<void>;
  /** Sets my location text. */
  setLocation(location: string): Promise<void>;
  /** Subscribes to the presence of `uris`; kept up across recreated applications. */
  subscribe(
    uris: readonly string[],
    options?: PresenceSubscribeOptions,
  ): Promise<PresenceSubscription>;
  /** Each presence change of a subscribed contact. */
  onContactPresence(handler: (change: ContactPresenceChange) => void): () => void;
}

function isAvailability(value: unknown): value is Availability {
  return AvailabilityValues.some((known) => known === value);
}

async function myPresence(core: SessionCore, fresh: boolean): Promise<Resource<'presence'>> {
  const me = await currentMe(core);
  const link = me.links.presence;
  if (link === undefined)
    throw new TypeError('me has no presence link: call makeMeAvailable first');
  const presence = await core.store.read(link.href, { fresh });
  if (!isResource(presence, 'presence'))
    throw new TypeError(`${link.href} is not a presence resource`);
  return presence;
}

async function post(core: SessionCore, rel: 'note' | 'location', input: Record<string, string>) {
  const me = await currentMe(core);
  await invokeLink(core, me, rel, input);
}

function contactChange(
  event: { readonly in?: { readonly href: string } },
  resource: UnknownResource,
  core: SessionCore,
): ContactPresenceChange {
  const { availability, activity } = resource.properties;
  return {
    contact: core.key(event.in?.href ?? resource.href),
    availability: isAvailability(availability) ? availability : undefined,
    activity: typeof activity === 'string' ? activity : undefined,
    resource,
  };
}

/** The presence helper of a session. */
export function createPresence(core: SessionCore): Presence {
  return {
    get: () => myPresence(core, true),
    setAvailability: async (availability) => {
      const me = await currentMe(core);
      await invokeLink(core, me, 'presence', { availability });
      return myPresence(core, true);
    },
    setNote: (message) => post(core, 'note', { message }),
    setLocation: (location) => post(core, 'location', { location }),
    subscribe: (uris, o = {}) => subscribePresence(core, uris, o.duration ?? 30),
    onContactPresence: (handler) =>
      subscribe(core, { rel: 'contactPresence', type: 'updated' }, async (event) => {
        // The store applied the event already: what it holds now is newer than the event.
        const resource = event.resource ?? (await core.store.read(event.link.href));
        handler(contactChange(event, resource, core));
      }),
  };
}
