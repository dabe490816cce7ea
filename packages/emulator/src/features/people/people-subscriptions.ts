import type { UnknownResource } from '@ucwa/model';
import type { ApplicationHandle } from '../../apps/application.ts';
import { buildResource } from '../../core/resource.ts';
import type { PublishedEvent } from '../../events/publisher.ts';
import { contactPath } from './people-resources.ts';

/** A presence subscription of one application (presenceSubscription_ref.md). */
export interface Subscription {
  readonly id: string;
  /** Subscribed addresses, lower-case. */
  readonly members: Set<string>;
  /** When the subscription lapses (`duration` minutes after creation or extension). */
  expiresAt: number;
  /** The group it was made from (subscribeToGroupPresence), if any. */
  readonly groupId?: string;
}

/** An application's presence subscriptions. */
export interface SubscriberState {
  readonly app: ApplicationHandle;
  readonly subscriptions: Map<string, Subscription>;
}

/** The live subscriptions at `now`; lapsed ones are dropped on the way. */
export function live(state: SubscriberState, now: number): Subscription[] {
  for (const [id, sub] of state.subscriptions) {
    if (sub.expiresAt <= now) state.subscriptions.delete(id);
  }
  return [...state.subscriptions.values()];
}

/** Every address some live subscription of the application covers. */
export function subscribedAddresses(state: SubscriberState, now: number): Set<string> {
  return new Set(live(state, now).flatMap((sub) => [...sub.members]));
}

const subPath = (sub: Subscription): string => `people/presenceSubscriptions/${sub.id}`;
const membershipsHref = (app: ApplicationHandle, sub: Subscription): string =>
  `${app.href('people/presenceSubscriptionMemberships')}?presenceSubscriptionId=${sub.id}`;

/** presenceSubscription, as SubscribeToThePresenceOfSelectedContacts.md shows it. */
export function subscriptionResource(app: ApplicationHandle, sub: Subscription): UnknownResource {
  return buildResource({
    rel: 'presenceSubscription',
    href: app.href(subPath(sub)),
    properties: { id: sub.id },
    links: {
      memberships: membershipsHref(app, sub),
      addToPresenceSubscription: membershipsHref(app, sub),
    },
  });
}

export function subscriptionsResource(
  app: ApplicationHandle,
  subs: readonly Subscription[],
): UnknownResource {
  return buildResource({
    rel: 'presenceSubscriptions',
    href: app.href('people/presenceSubscriptions'),
    embedded: { presenceSubscription: subs.map((sub) => subscriptionResource(app, sub)) },
  });
}

export function subscriptionMembershipResource(
  app: ApplicationHandle,
  sub: Subscription,
  address: string,
): UnknownResource {
  return buildResource({
    rel: 'presenceSubscriptionMembership',
    href: app.href(`people/presenceSubscriptionMemberships/${sub.id},${address}`),
    links: {
      contact: app.href(contactPath(address)),
      presenceSubscription: app.href(subPath(sub)),
    },
  });
}

/** presenceSubscriptionMemberships (the `memberships` link answers with this rel). */
export function subscriptionMembershipsResource(
  app: ApplicationHandle,
  pairs: readonly (readonly [Subscription, string])[],
): UnknownResource {
  return buildResource({
    rel: 'presenceSubscriptionMemberships',
    href: app.href('people/presenceSubscriptionMemberships'),
    embedded: {
      presenceSubscriptionMembership: pairs.map(([sub, address]) =>
        subscriptionMembershipResource(app, sub, address),
      ),
    },
  });
}

export function subscribedContactsResource(
  app: ApplicationHandle,
  addresses: Iterable<string>,
): UnknownResource {
  return buildResource({
    rel: 'subscribedContacts',
    href: app.href('people/subscribedContacts'),
    links: { contact: [...addresses].map((a) => app.href(contactPath(a))) },
  });
}

const sender = (app: ApplicationHandle) => ({ rel: 'people', href: app.href('people') });

/** An event about a contact's presence, note or location (`in` the contact). */
export function contactEvent(
  app: ApplicationHandle,
  address: string,
  rel: 'contactPresence' | 'contactNote' | 'contactLocation',
): PublishedEvent {
  const sub = rel === 'contactPresence' ? 'presence' : rel === 'contactNote' ? 'note' : 'location';
  return {
    sender: sender(app),
    type: 'updated',
    link: { rel, href: app.href(contactPath(address, sub)) },
    in: { rel: 'contact', href: app.href(contactPath(address)) },
  };
}

/** A contact added to or deleted from `subscribedContacts`. */
export function subscribedContactEvent(
  app: ApplicationHandle,
  address: string,
  type: 'added' | 'deleted',
): PublishedEvent {
  return {
    sender: sender(app),
    type,
    link: { rel: 'contact', href: app.href(contactPath(address)) },
    in: { rel: 'subscribedContacts', href: app.href('people/subscribedContacts') },
  };
}

/** presenceSubscription added / updated / deleted (updated embeds the subscription). */
export function subscriptionEvent(
  app: ApplicationHandle,
  sub: Subscription,
  type: 'added' | 'updated' | 'deleted',
): PublishedEvent {
  return {
    sender: sender(app),
    type,
    link: { rel: 'presenceSubscription', href: app.href(subPath(sub)) },
    ...(type === 'updated' ? { resource: subscriptionResource(app, sub) } : {}),
  };
}
