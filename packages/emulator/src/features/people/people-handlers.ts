import type { UnknownResource } from '@ucwa/model';
import type { UserRecord } from '../../core/users.ts';
import { parameterValidationFailure } from '../../http/errors.ts';
import type { Reply } from '../../http/types.ts';
import type { RouteContext } from '../feature.ts';
import { notFound, ok } from '../replies.ts';
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
import type { PeopleState } from './people-state.ts';

type Handler = (people: PeopleState, ctx: RouteContext) => Reply;

export const getPeople: Handler = (_people, ctx) => ok(peopleResource(ctx.app));

/** myContacts, or the contacts of one group with `?groupId=` (groupContacts). */
export const getContacts: Handler = ({ host }, ctx) => {
  const groupId = ctx.query.get('groupId');
  const href = ctx.app.href('people/contacts');
  if (groupId === null)
    return ok(contactListResource(ctx.app, 'myContacts', href, contactsOf(ctx.user, host.users)));
  const group = groupsOf(ctx.user, host.users).find((g) => g.id === groupId);
  if (group === undefined) return notFound();
  const groupHref = `${href}?groupId=${group.id}`;
  return ok(contactListResource(ctx.app, 'groupContacts', groupHref, group.members));
};

const groupOf = ({ host }: PeopleState, ctx: RouteContext) =>
  groupsOf(ctx.user, host.users).find((g) => g.id === ctx.params.id);

export const getGroups: Handler = ({ host }, ctx) =>
  ok(myGroupsResource(ctx.app, groupsOf(ctx.user, host.users)));

export const getGroup: Handler = (people, ctx) => {
  const group = groupOf(people, ctx);
  return group === undefined ? notFound() : ok(groupResource(ctx.app, group));
};

export const expandGroup: Handler = (people, ctx) => {
  const group = groupOf(people, ctx);
  return group?.rel === 'distributionGroup' ? ok(expandedResource(ctx.app, group)) : notFound();
};

export const getMemberships: Handler = ({ host }, ctx) =>
  ok(membershipsResource(ctx.app, groupsOf(ctx.user, host.users), ctx.query.get('groupId')));

export const getMembership: Handler = ({ host }, ctx) => {
  const [groupId, address] = (ctx.params.id ?? '').split(',');
  const group = groupsOf(ctx.user, host.users).find((g) => g.id === groupId);
  const member = group?.members.find((u) => u.address.toLowerCase() === address);
  return group === undefined || member === undefined || group.rel === 'distributionGroup'
    ? notFound()
    : ok(membershipResource(ctx.app, group, member));
};

export const search: Handler = ({ host }, ctx) =>
  ctx.query.has('query') || ctx.query.has('mail')
    ? ok(searchResource(ctx, host.users))
    : parameterValidationFailure([{ name: 'query', value: '' }]);

/** A handler for the contact named by `:address` (404 for anyone else). */
const withContact =
  (build: (people: PeopleState, ctx: RouteContext, user: UserRecord) => Reply): Handler =>
  (people, ctx) => {
    const name = ctx.params.address ?? '';
    const user = name.includes('@') ? people.host.users.find(name) : undefined;
    return user === undefined ? notFound() : build(people, ctx, user);
  };

const online = ({ host }: PeopleState, user: UserRecord): boolean =>
  host.applications.ofUser(user.address).length > 0;
const stateOf = ({ host }: PeopleState, user: UserRecord) => host.userState.get(user.address);

/** A GET of one of the contact's resources. */
const contactPart = (
  build: (people: PeopleState, ctx: RouteContext, user: UserRecord) => UnknownResource,
): Handler => withContact((people, ctx, user) => ok(build(people, ctx, user)));

export const getContact = contactPart((_, ctx, user) => contactResource(ctx.app, user));
export const getContactPresence = contactPart((people, ctx, user) =>
  contactPresenceResource(ctx.app, user.address, stateOf(people, user), online(people, user)),
);
export const getContactNote = contactPart((people, ctx, user) =>
  contactNoteResource(ctx.app, user.address, stateOf(people, user)),
);
export const getContactLocation = contactPart((people, ctx, user) =>
  contactLocationResource(ctx.app, user.address, stateOf(people, user)),
);
export const getContactModalities = contactPart((people, ctx, user) => {
  const reachable = online(people, user) && stateOf(people, user).availability !== 'Offline';
  return contactModalitiesResource(ctx.app, user.address, reachable ? ['Messaging'] : []);
});
export const getContactPrivacy = contactPart((_, ctx, user) =>
  contactPrivacyResource(ctx.app, user.address),
);
export const getPhoto = withContact(() => ({
  kind: 'raw',
  status: 200,
  contentType: 'image/png',
  body: PHOTO_PNG,
}));
