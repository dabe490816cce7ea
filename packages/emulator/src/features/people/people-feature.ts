import type { Feature, FeatureFactory, FeatureHost } from '../feature.ts';
import { bindRoutes, type RouteSpec } from '../route-table.ts';
import * as h from './people-handlers.ts';
import { peopleResource } from './people-resources.ts';
import type { PeopleState } from './people-state.ts';
import { contactEvent, subscribedAddresses } from './people-subscriptions.ts';
import * as s from './subscription-handlers.ts';

const SUBSCRIPTIONS = 'people/presenceSubscriptions';
const MEMBERSHIPS = 'people/presenceSubscriptionMemberships';

const ROUTES: readonly RouteSpec<PeopleState>[] = [
  { method: 'GET', path: 'people', rel: 'people', handle: h.getPeople },
  { method: 'GET', path: 'people/contacts', rel: 'myContacts', handle: h.getContacts },
  { method: 'GET', path: 'people/groups', rel: 'myGroups', handle: h.getGroups },
  { method: 'GET', path: 'people/groups/:id', handle: h.getGroup },
  {
    method: 'GET',
    path: 'people/groups/:id/expand',
    rel: 'expandDistributionGroup',
    handle: h.expandGroup,
  },
  {
    method: 'GET',
    path: 'people/groupMemberships',
    rel: 'myGroupMemberships',
    handle: h.getMemberships,
  },
  {
    method: 'GET',
    path: 'people/groupMemberships/:id',
    rel: 'myGroupMembership',
    handle: h.getMembership,
  },
  { method: 'GET', path: 'people/search', rel: 'search', handle: h.search },
  { method: 'GET', path: 'people/:address', rel: 'contact', handle: h.getContact },
  {
    method: 'GET',
    path: 'people/:address/presence',
    rel: 'contactPresence',
    handle: h.getContactPresence,
  },
  { method: 'GET', path: 'people/:address/note', rel: 'contactNote', handle: h.getContactNote },
  {
    method: 'GET',
    path: 'people/:address/location',
    rel: 'contactLocation',
    handle: h.getContactLocation,
  },
  {
    method: 'GET',
    path: 'people/:address/supportedMedia',
    rel: 'contactSupportedModalities',
    handle: h.getContactModalities,
  },
  {
    method: 'GET',
    path: 'people/:address/privacyRelationship',
    rel: 'contactPrivacyRelationship',
    handle: h.getContactPrivacy,
  },
  { method: 'GET', path: 'photos/:address', rel: 'contactPhoto', handle: h.getPhoto },
  { method: 'GET', path: SUBSCRIPTIONS, rel: 'presenceSubscriptions', handle: s.listSubscriptions },
  { method: 'POST', path: SUBSCRIPTIONS, handle: s.createSubscription },
  {
    method: 'GET',
    path: `${SUBSCRIPTIONS}/:id`,
    rel: 'presenceSubscription',
    handle: s.getSubscription,
  },
  { method: 'POST', path: `${SUBSCRIPTIONS}/:id`, handle: s.extendSubscription },
  { method: 'DELETE', path: `${SUBSCRIPTIONS}/:id`, handle: s.deleteSubscription },
  {
    method: 'GET',
    path: MEMBERSHIPS,
    rel: 'presenceSubscriptionMemberships',
    handle: s.listMemberships,
  },
  {
    method: 'POST',
    path: MEMBERSHIPS,
    rel: 'presenceSubscriptionMemberships',
    handle: s.addMemberships,
  },
  {
    method: 'GET',
    path: `${MEMBERSHIPS}/:id`,
    rel: 'presenceSubscriptionMembership',
    handle: s.getMembership,
  },
  { method: 'DELETE', path: `${MEMBERSHIPS}/:id`, handle: s.deleteMembership },
  {
    method: 'GET',
    path: 'people/subscribedContacts',
    rel: 'subscribedContacts',
    handle: s.subscribedContacts,
  },
];

type Changed = 'contactPresence' | 'contactNote' | 'contactLocation';

/**
 * The people family (people_ref.md and PeopleTasks.md): the hub, the contact list and
 * groups derived from the user directory, search, contacts with presence, note,
 * location, supported modalities, privacy relationship and photo, and presence
 * subscriptions. A change of a user's presence, note or location (through
 * `host.userState`) reaches every application subscribed to that user as an `updated`
 * event from `people`.
 */
export const peopleFeature: FeatureFactory = (host: FeatureHost): Feature => {
  const people: PeopleState = { host, subscribers: new Map() };
  host.userState.subscribe((address, next, previous) => {
    const changed: Changed[] = [];
    if (next.availability !== previous.availability || next.activity !== previous.activity)
      changed.push('contactPresence');
    if (next.note !== previous.note || next.noteType !== previous.noteType)
      changed.push('contactNote');
    if (next.location !== previous.location) changed.push('contactLocation');
    for (const state of people.subscribers.values()) {
      if (!subscribedAddresses(state, host.clock.now()).has(address)) continue;
      for (const rel of changed)
        host.events.toApplication(state.app, contactEvent(state.app, address, rel));
    }
  });
  const forget = (app: { id: string }): void => {
    people.subscribers.delete(app.id);
  };
  return {
    name: 'people',
    routes: bindRoutes(people, ROUTES),
    embeds: { people: peopleResource },
    onApplicationRemoved: forget,
    onTransientReset: forget,
  };
};
