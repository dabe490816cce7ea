import type { PropertyValue } from '@ucwa/model';
import type { ApplicationHandle } from '../../apps/application.ts';
import { parameterValidationFailure } from '../../http/errors.ts';
import type { Reply } from '../../http/types.ts';
import type { RouteContext } from '../feature.ts';
import { noContent, notFound, ok } from '../replies.ts';
import { invalidParameters } from '../validate.ts';
import { groupsOf } from './people-groups.ts';
import { type PeopleState, subscriberOf } from './people-state.ts';
import {
  contactEvent,
  live,
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

// presenceSubscriptions, presenceSubscription (GET, extend by POST, DELETE),
// presenceSubscriptionMemberships and subscribedContacts, with the events
// SubscribeToThePresenceOfSelectedContacts.md and DeleteAPresenceSubscription.md show.

const now = (people: PeopleState): number => people.host.clock.now();

/** `duration` in minutes, from the body or the query; `undefined` when absent or invalid. */
function duration(ctx: RouteContext): number | undefined {
  const raw = ctx.input?.properties.duration ?? ctx.query.get('duration') ?? undefined;
  const minutes = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
  return Number.isFinite(minutes) && minutes > 0 ? minutes : undefined;
}

/** The directory's addresses among the SIP uris of a list property (others left out). */
function known(people: PeopleState, value: PropertyValue | undefined): string[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const uris = items.flatMap((item) =>
    typeof item === 'string' ? [item.trim().replace(/^"(.*)"$/, '$1')] : [],
  );
  const users = uris.flatMap((uri) => people.host.users.find(uri) ?? []);
  return [...new Set(users.map((u) => u.address.toLowerCase()))];
}

function find(people: PeopleState, ctx: RouteContext, id: string | undefined) {
  return live(subscriberOf(people, ctx.app), now(people)).find((sub) => sub.id === id);
}

/** Adds `members` to `sub`, announcing new contacts; returns the presence announcement. */
function add(people: PeopleState, app: ApplicationHandle, sub: Subscription, members: string[]) {
  const { events } = people.host;
  const before = subscribedAddresses(subscriberOf(people, app), now(people));
  for (const address of members) sub.members.add(address);
  for (const a of members.filter((m) => !before.has(m)))
    events.toApplication(app, subscribedContactEvent(app, a, 'added'));
  return () => {
    for (const a of members) events.toApplication(app, contactEvent(app, a, 'contactPresence'));
  };
}

/** Announces contacts no live subscription covers any more. */
function dropped(people: PeopleState, app: ApplicationHandle, before: Set<string>): void {
  const after = subscribedAddresses(subscriberOf(people, app), now(people));
  for (const a of before) {
    if (!after.has(a))
      people.host.events.toApplication(app, subscribedContactEvent(app, a, 'deleted'));
  }
}

/** The members a new subscription starts with: `uris`, or a group (`?groupId=`). */
function initialMembers(people: PeopleState, ctx: RouteContext): string[] | undefined {
  const groupId = ctx.query.get('groupId');
  if (groupId === null) return known(people, ctx.input?.properties.uris);
  const group = groupsOf(ctx.user, people.host.users).find((g) => g.id === groupId);
  return group?.members.map((u) => u.address.toLowerCase());
}

export function createSubscription(people: PeopleState, ctx: RouteContext): Reply {
  const groupId = ctx.query.get('groupId');
  const rel = groupId === null ? 'presenceSubscriptions' : 'subscribeToGroupPresence';
  const bad = invalidParameters(rel, 'POST', ctx.query, ctx.input);
  const minutes = duration(ctx);
  if (minutes === undefined && !bad.some((p) => p.name === 'duration'))
    bad.push({ name: 'duration', value: String(ctx.input?.properties.duration ?? '') });
  if (bad.length > 0 || minutes === undefined) return parameterValidationFailure(bad);
  const members = initialMembers(people, ctx);
  if (members === undefined) return notFound();
  const sub: Subscription = {
    id: people.host.ids.hex(8),
    members: new Set(),
    expiresAt: now(people) + minutes * 60_000,
    ...(groupId === null ? {} : { groupId }),
  };
  const announcePresence = add(people, ctx.app, sub, [...new Set(members)]);
  subscriberOf(people, ctx.app).subscriptions.set(sub.id, sub);
  people.host.events.toApplication(ctx.app, subscriptionEvent(ctx.app, sub, 'added'));
  announcePresence();
  return ok(subscriptionResource(ctx.app, sub), 201);
}

export const listSubscriptions = (people: PeopleState, ctx: RouteContext): Reply =>
  ok(subscriptionsResource(ctx.app, live(subscriberOf(people, ctx.app), now(people))));

export function getSubscription(people: PeopleState, ctx: RouteContext): Reply {
  const sub = find(people, ctx, ctx.params.id);
  return sub === undefined ? notFound() : ok(subscriptionResource(ctx.app, sub));
}

export function extendSubscription(people: PeopleState, ctx: RouteContext): Reply {
  const sub = find(people, ctx, ctx.params.id);
  const minutes = duration(ctx);
  if (sub === undefined) return notFound();
  if (minutes === undefined) return parameterValidationFailure([{ name: 'duration', value: '' }]);
  sub.expiresAt = now(people) + minutes * 60_000;
  return ok(subscriptionResource(ctx.app, sub));
}

export function deleteSubscription(people: PeopleState, ctx: RouteContext): Reply {
  const state = subscriberOf(people, ctx.app);
  const sub = find(people, ctx, ctx.params.id);
  if (sub === undefined) return notFound();
  const before = subscribedAddresses(state, now(people));
  state.subscriptions.delete(sub.id);
  dropped(people, ctx.app, before);
  people.host.events.toApplication(ctx.app, subscriptionEvent(ctx.app, sub, 'deleted'));
  return noContent();
}

export function listMemberships(people: PeopleState, ctx: RouteContext): Reply {
  const only = ctx.query.get('presenceSubscriptionId');
  const pairs = live(subscriberOf(people, ctx.app), now(people))
    .filter((sub) => only === null || sub.id === only)
    .flatMap((sub) => [...sub.members].map((a) => [sub, a] as const));
  return ok(subscriptionMembershipsResource(ctx.app, pairs));
}

export function addMemberships(people: PeopleState, ctx: RouteContext): Reply {
  const id = ctx.query.get('presenceSubscriptionId');
  if (id === null)
    return parameterValidationFailure([{ name: 'presenceSubscriptionId', value: '' }]);
  const sub = find(people, ctx, id);
  if (sub === undefined) return notFound();
  const members = known(people, ctx.input?.properties.contactUris);
  add(people, ctx.app, sub, members)();
  const pairs = members.map((a) => [sub, a] as const);
  return ok(subscriptionMembershipsResource(ctx.app, pairs), 201);
}

function membership(people: PeopleState, ctx: RouteContext): [Subscription, string] | undefined {
  const [id, address] = (ctx.params.id ?? '').split(',');
  const sub = find(people, ctx, id);
  const member = address?.toLowerCase();
  return sub !== undefined && member !== undefined && sub.members.has(member)
    ? [sub, member]
    : undefined;
}

export function getMembership(people: PeopleState, ctx: RouteContext): Reply {
  const found = membership(people, ctx);
  return found === undefined ? notFound() : ok(subscriptionMembershipResource(ctx.app, ...found));
}

export function deleteMembership(people: PeopleState, ctx: RouteContext): Reply {
  const found = membership(people, ctx);
  if (found === undefined) return notFound();
  const before = subscribedAddresses(subscriberOf(people, ctx.app), now(people));
  found[0].members.delete(found[1]);
  dropped(people, ctx.app, before);
  return noContent();
}

export const subscribedContacts = (people: PeopleState, ctx: RouteContext): Reply =>
  ok(
    subscribedContactsResource(
      ctx.app,
      subscribedAddresses(subscriberOf(people, ctx.app), now(people)),
    ),
  );
