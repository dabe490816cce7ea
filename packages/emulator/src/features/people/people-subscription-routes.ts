import type { PropertyValue, UnknownResource } from '@ucwa/model';
import type { ApplicationHandle } from '../../apps/application.ts';
import { parameterValidationFailure, ucwaError } from '../../http/errors.ts';
import type { Reply } from '../../http/types.ts';
import type { AppRoute, FeatureHost, RouteContext } from '../feature.ts';
import { invalidParameters } from '../validate.ts';
import { groupsOf } from './people-groups.ts';
import {
  contactEvent,
  live,
  type SubscriberState,
  type Subscription,
  subscribedAddresses,
  subscribedContactEvent,
  subscribedContactsResource,
  subscriptionEvent,
  subscriptionMembershipResource,
  subscriptionMembershipsResource,
  subscriptionResource,
  subscriptionsResource,
} from './people-subscriptions.ts';

const reply = (resource: UnknownResource, status = 200): Reply => ({
  kind: 'resource',
  status,
  resource,
});
const notFound = (): Reply => ucwaError(404, 'ResourceNotFound');

function property(ctx: RouteContext, name: string): PropertyValue | undefined {
  const props = ctx.input?.properties ?? {};
  const key = Object.keys(props).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : props[key];
}

/** `duration` in minutes, from the body or the query; `undefined` when absent or invalid. */
function duration(ctx: RouteContext): number | undefined {
  const raw = property(ctx, 'duration') ?? ctx.query.get('duration') ?? undefined;
  const minutes = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
  return Number.isFinite(minutes) && minutes > 0 ? minutes : undefined;
}

/** SIP uris of a list property, as addresses (quotes and `sip:` stripped, lower-case). */
function addresses(value: PropertyValue | undefined): string[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items.flatMap((item) =>
    typeof item === 'string'
      ? [
          item
            .trim()
            .replace(/^"(.*)"$/, '$1')
            .replace(/^sip:/i, '')
            .toLowerCase(),
        ]
      : [],
  );
}

/**
 * presenceSubscriptions, presenceSubscription (GET, extend by POST, DELETE),
 * presenceSubscriptionMemberships (`memberships`, `addToPresenceSubscription`) and
 * subscribedContacts, with the events SubscribeToThePresenceOfSelectedContacts.md and
 * DeleteAPresenceSubscription.md show.
 */
export function subscriptionRoutes(
  host: FeatureHost,
  stateOf: (app: ApplicationHandle) => SubscriberState,
): AppRoute[] {
  const now = () => host.clock.now();
  /** The directory's addresses for `list` (unknown uris are left out). */
  const known = (list: readonly string[]): string[] =>
    list.flatMap((a) => {
      const user = host.users.find(a);
      return user === undefined ? [] : [user.address.toLowerCase()];
    });
  const find = (ctx: RouteContext, id: string | undefined): Subscription | undefined =>
    live(stateOf(ctx.app), now()).find((sub) => sub.id === id);

  /** Adds `members` to `sub`, announcing new contacts and their presence. */
  const add = (app: ApplicationHandle, sub: Subscription, members: readonly string[]) => {
    const before = subscribedAddresses(stateOf(app), now());
    for (const address of members) sub.members.add(address);
    const fresh = members.filter((a) => !before.has(a));
    for (const a of fresh) host.events.toApplication(app, subscribedContactEvent(app, a, 'added'));
    return () => {
      for (const a of members)
        host.events.toApplication(app, contactEvent(app, a, 'contactPresence'));
    };
  };
  /** Announces contacts no live subscription covers any more. */
  const dropped = (app: ApplicationHandle, before: Set<string>) => {
    const after = subscribedAddresses(stateOf(app), now());
    for (const a of before) {
      if (!after.has(a)) host.events.toApplication(app, subscribedContactEvent(app, a, 'deleted'));
    }
  };

  const create = (ctx: RouteContext): Reply => {
    const groupId = ctx.query.get('groupId');
    const rel = groupId === null ? 'presenceSubscriptions' : 'subscribeToGroupPresence';
    const bad = invalidParameters(rel, 'POST', ctx.query, ctx.input);
    const minutes = duration(ctx);
    if (minutes === undefined && !bad.some((p) => p.name === 'duration'))
      bad.push({ name: 'duration', value: String(property(ctx, 'duration') ?? '') });
    if (bad.length > 0 || minutes === undefined) return parameterValidationFailure(bad);
    let members: string[];
    if (groupId === null) {
      members = known(addresses(property(ctx, 'uris')));
    } else {
      const group = groupsOf(ctx.user, host.users).find((g) => g.id === groupId);
      if (group === undefined) return notFound();
      members = group.members.map((u) => u.address.toLowerCase());
    }
    const sub: Subscription = {
      id: host.ids.hex(8),
      members: new Set(),
      expiresAt: now() + minutes * 60_000,
      ...(groupId === null ? {} : { groupId }),
    };
    const announcePresence = add(ctx.app, sub, [...new Set(members)]);
    stateOf(ctx.app).subscriptions.set(sub.id, sub);
    host.events.toApplication(ctx.app, subscriptionEvent(ctx.app, sub, 'added'));
    announcePresence();
    return reply(subscriptionResource(ctx.app, sub), 201);
  };

  const extend = (ctx: RouteContext): Reply => {
    const sub = find(ctx, ctx.params.id);
    const minutes = duration(ctx);
    if (sub === undefined) return notFound();
    if (minutes === undefined) return parameterValidationFailure([{ name: 'duration', value: '' }]);
    sub.expiresAt = now() + minutes * 60_000;
    return reply(subscriptionResource(ctx.app, sub));
  };

  const remove = (ctx: RouteContext): Reply => {
    const state = stateOf(ctx.app);
    const sub = find(ctx, ctx.params.id);
    if (sub === undefined) return notFound();
    const before = subscribedAddresses(state, now());
    state.subscriptions.delete(sub.id);
    dropped(ctx.app, before);
    host.events.toApplication(ctx.app, subscriptionEvent(ctx.app, sub, 'deleted'));
    return { kind: 'raw', status: 204 };
  };

  const addMembers = (ctx: RouteContext): Reply => {
    const sub = find(ctx, ctx.query.get('presenceSubscriptionId') ?? undefined);
    if (ctx.query.get('presenceSubscriptionId') === null)
      return parameterValidationFailure([{ name: 'presenceSubscriptionId', value: '' }]);
    if (sub === undefined) return notFound();
    const members = [...new Set(known(addresses(property(ctx, 'contactUris'))))];
    add(ctx.app, sub, members)();
    const pairs = members.map((a) => [sub, a] as const);
    return reply(subscriptionMembershipsResource(ctx.app, pairs), 201);
  };

  const membership = (ctx: RouteContext): [Subscription, string] | undefined => {
    const [id, address] = (ctx.params.id ?? '').split(',');
    const sub = find(ctx, id);
    const member = address?.toLowerCase();
    return sub !== undefined && member !== undefined && sub.members.has(member)
      ? [sub, member]
      : undefined;
  };

  return [
    {
      method: 'GET',
      path: 'people/presenceSubscriptions',
      rel: 'presenceSubscriptions',
      handle: (ctx) => reply(subscriptionsResource(ctx.app, live(stateOf(ctx.app), now()))),
    },
    { method: 'POST', path: 'people/presenceSubscriptions', handle: create },
    {
      method: 'GET',
      path: 'people/presenceSubscriptions/:id',
      rel: 'presenceSubscription',
      handle: (ctx) => {
        const sub = find(ctx, ctx.params.id);
        return sub === undefined ? notFound() : reply(subscriptionResource(ctx.app, sub));
      },
    },
    { method: 'POST', path: 'people/presenceSubscriptions/:id', handle: extend },
    { method: 'DELETE', path: 'people/presenceSubscriptions/:id', handle: remove },
    {
      method: 'GET',
      path: 'people/presenceSubscriptionMemberships',
      rel: 'presenceSubscriptionMemberships',
      handle: (ctx) => {
        const only = ctx.query.get('presenceSubscriptionId');
        const pairs = live(stateOf(ctx.app), now())
          .filter((sub) => only === null || sub.id === only)
          .flatMap((sub) => [...sub.members].map((a) => [sub, a] as const));
        return reply(subscriptionMembershipsResource(ctx.app, pairs));
      },
    },
    {
      method: 'POST',
      path: 'people/presenceSubscriptionMemberships',
      rel: 'presenceSubscriptionMemberships',
      handle: addMembers,
    },
    {
      method: 'GET',
      path: 'people/presenceSubscriptionMemberships/:id',
      rel: 'presenceSubscriptionMembership',
      handle: (ctx) => {
        const found = membership(ctx);
        return found === undefined
          ? notFound()
          : reply(subscriptionMembershipResource(ctx.app, ...found));
      },
    },
    {
      method: 'DELETE',
      path: 'people/presenceSubscriptionMemberships/:id',
      handle: (ctx) => {
        const found = membership(ctx);
        if (found === undefined) return notFound();
        const before = subscribedAddresses(stateOf(ctx.app), now());
        found[0].members.delete(found[1]);
        dropped(ctx.app, before);
        return { kind: 'raw', status: 204 };
      },
    },
    {
      method: 'GET',
      path: 'people/subscribedContacts',
      rel: 'subscribedContacts',
      handle: (ctx) =>
        reply(subscribedContactsResource(ctx.app, subscribedAddresses(stateOf(ctx.app), now()))),
    },
  ];
}
