import type { UnknownResource } from '@ucwa/model';
import type { ApplicationHandle } from '../../apps/application.ts';
import type { UserRecord } from '../../core/users.ts';
import { parameterValidationFailure, ucwaError } from '../../http/errors.ts';
import type { Reply } from '../../http/types.ts';
import type { AppRoute, Feature, FeatureFactory, FeatureHost, RouteContext } from '../feature.ts';
import {
  contactsOf,
  expandedResource,
  groupResource,
  groupsOf,
  membershipResource,
  membershipsResource,
  myGroupsResource,
} from './people-groups.ts';
import {
  contactListResource,
  contactLocationResource,
  contactModalitiesResource,
  contactNoteResource,
  contactPresenceResource,
  contactPrivacyResource,
  contactResource,
  PHOTO_PNG,
  peopleResource,
} from './people-resources.ts';
import { searchResource } from './people-search.ts';
import { subscriptionRoutes } from './people-subscription-routes.ts';
import { contactEvent, type SubscriberState, subscribedAddresses } from './people-subscriptions.ts';

const ok = (resource: UnknownResource): Reply => ({ kind: 'resource', status: 200, resource });
const notFound = (): Reply => ucwaError(404, 'ResourceNotFound');

/**
 * The people family (people_ref.md and PeopleTasks.md): the hub, the contact list and
 * groups derived from the user directory, search, contacts with presence, note,
 * location, supported modalities, privacy relationship and photo, and presence
 * subscriptions. A change of a user's presence, note or location (through
 * `host.userState`) reaches every application subscribed to that user as an `updated`
 * event from `people`.
 */
export const peopleFeature: FeatureFactory = (host: FeatureHost): Feature => {
  const subscribers = new Map<string, SubscriberState>();
  const stateOf = (app: ApplicationHandle): SubscriberState => {
    let state = subscribers.get(app.id);
    if (state === undefined) {
      state = { app, subscriptions: new Map() };
      subscribers.set(app.id, state);
    }
    return state;
  };

  host.userState.subscribe((address, next, previous) => {
    const changed: ('contactPresence' | 'contactNote' | 'contactLocation')[] = [];
    if (next.availability !== previous.availability || next.activity !== previous.activity)
      changed.push('contactPresence');
    if (next.note !== previous.note || next.noteType !== previous.noteType)
      changed.push('contactNote');
    if (next.location !== previous.location) changed.push('contactLocation');
    if (changed.length === 0) return;
    for (const { app } of subscribers.values()) {
      if (!subscribedAddresses(stateOf(app), host.clock.now()).has(address)) continue;
      for (const rel of changed) host.events.toApplication(app, contactEvent(app, address, rel));
    }
  });

  const online = (address: string): boolean => host.applications.ofUser(address).length > 0;
  /** Runs `build` with the contact named by `:address`, or answers 404. */
  const withContact =
    (build: (ctx: RouteContext, user: UserRecord) => Reply) =>
    (ctx: RouteContext): Reply => {
      const name = ctx.params.address ?? '';
      const user = name.includes('@') ? host.users.find(name) : undefined;
      return user === undefined ? notFound() : build(ctx, user);
    };
  const stateFor = (user: UserRecord) => host.userState.get(user.address);
  const contactRoute = (
    sub: string,
    rel: string,
    build: (ctx: RouteContext, user: UserRecord) => UnknownResource,
  ): AppRoute => ({
    method: 'GET',
    path: `people/:address/${sub}`,
    rel,
    handle: withContact((ctx, user) => ok(build(ctx, user))),
  });

  const routes: AppRoute[] = [
    { method: 'GET', path: 'people', rel: 'people', handle: ({ app }) => ok(peopleResource(app)) },
    {
      method: 'GET',
      path: 'people/contacts',
      rel: 'myContacts',
      handle: (ctx) => {
        const groupId = ctx.query.get('groupId');
        if (groupId === null) {
          const href = ctx.app.href('people/contacts');
          const contacts = contactsOf(ctx.user, host.users);
          return ok(contactListResource(ctx.app, 'myContacts', href, contacts));
        }
        const group = groupsOf(ctx.user, host.users).find((g) => g.id === groupId);
        if (group === undefined) return notFound();
        const href = `${ctx.app.href('people/contacts')}?groupId=${group.id}`;
        return ok(contactListResource(ctx.app, 'groupContacts', href, group.members));
      },
    },
    {
      method: 'GET',
      path: 'people/groups',
      rel: 'myGroups',
      handle: (ctx) => ok(myGroupsResource(ctx.app, groupsOf(ctx.user, host.users))),
    },
    {
      method: 'GET',
      path: 'people/groups/:id',
      handle: (ctx) => {
        const group = groupsOf(ctx.user, host.users).find((g) => g.id === ctx.params.id);
        return group === undefined ? notFound() : ok(groupResource(ctx.app, group));
      },
    },
    {
      method: 'GET',
      path: 'people/groups/:id/expand',
      rel: 'expandDistributionGroup',
      handle: (ctx) => {
        const group = groupsOf(ctx.user, host.users).find((g) => g.id === ctx.params.id);
        return group?.rel === 'distributionGroup'
          ? ok(expandedResource(ctx.app, group))
          : notFound();
      },
    },
    {
      method: 'GET',
      path: 'people/groupMemberships',
      rel: 'myGroupMemberships',
      handle: (ctx) =>
        ok(membershipsResource(ctx.app, groupsOf(ctx.user, host.users), ctx.query.get('groupId'))),
    },
    {
      method: 'GET',
      path: 'people/groupMemberships/:id',
      rel: 'myGroupMembership',
      handle: (ctx) => {
        const [groupId, address] = (ctx.params.id ?? '').split(',');
        const group = groupsOf(ctx.user, host.users).find((g) => g.id === groupId);
        const member = group?.members.find((u) => u.address.toLowerCase() === address);
        return group === undefined || member === undefined || group.rel === 'distributionGroup'
          ? notFound()
          : ok(membershipResource(ctx.app, group, member));
      },
    },
    {
      method: 'GET',
      path: 'people/search',
      rel: 'search',
      handle: (ctx) =>
        ctx.query.has('query') || ctx.query.has('mail')
          ? ok(searchResource(ctx, host.users))
          : parameterValidationFailure([{ name: 'query', value: '' }]),
    },
    {
      method: 'GET',
      path: 'people/:address',
      rel: 'contact',
      handle: withContact((ctx, user) => ok(contactResource(ctx.app, user))),
    },
    contactRoute('presence', 'contactPresence', (ctx, user) =>
      contactPresenceResource(ctx.app, user.address, stateFor(user), online(user.address)),
    ),
    contactRoute('note', 'contactNote', (ctx, user) =>
      contactNoteResource(ctx.app, user.address, stateFor(user)),
    ),
    contactRoute('location', 'contactLocation', (ctx, user) =>
      contactLocationResource(ctx.app, user.address, stateFor(user)),
    ),
    contactRoute('supportedMedia', 'contactSupportedModalities', (ctx, user) =>
      contactModalitiesResource(
        ctx.app,
        user.address,
        online(user.address) && stateFor(user).availability !== 'Offline' ? ['Messaging'] : [],
      ),
    ),
    contactRoute('privacyRelationship', 'contactPrivacyRelationship', (ctx, user) =>
      contactPrivacyResource(ctx.app, user.address),
    ),
    {
      method: 'GET',
      path: 'photos/:address',
      rel: 'contactPhoto',
      handle: withContact(() => ({
        kind: 'raw',
        status: 200,
        contentType: 'image/png',
        body: PHOTO_PNG,
      })),
    },
    ...subscriptionRoutes(host, stateOf),
  ];

  return {
    name: 'people',
    routes,
    embeds: { people: peopleResource },
    onApplicationRemoved(app) {
      subscribers.delete(app.id);
    },
    onTransientReset(app) {
      subscribers.delete(app.id);
    },
  };
};
