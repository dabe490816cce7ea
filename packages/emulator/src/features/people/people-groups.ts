import type { UnknownResource } from '@ucwa/model';
import type { ApplicationHandle } from '../../apps/application.ts';
import { buildResource } from '../../core/resource.ts';
import type { UserDirectory, UserRecord } from '../../core/users.ts';
import { contactPath, contactResource } from './people-resources.ts';

/** The kinds of group myGroups_ref.md lists that the emulator serves. */
export type GroupRel = 'group' | 'pinnedGroup' | 'defaultGroup' | 'distributionGroup';

/** A group of a user's contact list, derived from the user directory. */
export interface GroupInfo {
  readonly id: string;
  readonly rel: GroupRel;
  readonly name: string;
  readonly members: readonly UserRecord[];
  /** Distribution groups have a SIP uri of their own. */
  readonly uri?: string;
}

/** The user's contacts that the directory knows, in the order the user lists them. */
export function contactsOf(user: UserRecord, users: UserDirectory): UserRecord[] {
  return user.contacts.flatMap((address) => {
    const found = users.find(address);
    return found === undefined ? [] : [found];
  });
}

/**
 * The groups a user sees: `Pinned Contacts` (pinnedGroup, empty), one personal group per
 * department of the user's contacts, `Other Contacts` (defaultGroup) for contacts without
 * a department, and the `Everyone` distribution group of the user's domain.
 */
export function groupsOf(user: UserRecord, users: UserDirectory): GroupInfo[] {
  const contacts = contactsOf(user, users);
  const departments = [
    ...new Set(contacts.flatMap((c) => (c.department ? [c.department] : []))),
  ].sort();
  const domain = user.address.split('@')[1] ?? 'contoso.com';
  return [
    { id: 'pinned', rel: 'pinnedGroup', name: 'Pinned Contacts', members: [] },
    ...departments.map(
      (name, index): GroupInfo => ({
        id: `group${index + 1}`,
        rel: 'group',
        name,
        members: contacts.filter((c) => c.department === name),
      }),
    ),
    {
      id: 'default',
      rel: 'defaultGroup',
      name: 'Other Contacts',
      members: contacts.filter((c) => !c.department),
    },
    {
      id: 'everyone',
      rel: 'distributionGroup',
      name: 'Everyone',
      uri: `sip:everyone@${domain}`,
      members: users.all.filter((u) => u.address.toLowerCase().endsWith(`@${domain}`)),
    },
  ];
}

const groupPath = (group: GroupInfo): string => `people/groups/${group.id}`;

/** group, pinnedGroup, defaultGroup (group_ref.md), or a distributionGroup. */
export function groupResource(app: ApplicationHandle, group: GroupInfo): UnknownResource {
  const href = app.href(groupPath(group));
  const subscribe = `${app.href('people/presenceSubscriptions')}?groupId=${group.id}`;
  if (group.rel === 'distributionGroup') {
    return buildResource({
      rel: 'distributionGroup',
      href,
      properties: { uri: group.uri, id: group.id, name: group.name },
      links: { expandDistributionGroup: `${href}/expand`, subscribeToGroupPresence: subscribe },
      embedded: { contact: group.members.map((u) => contactResource(app, u)) },
    });
  }
  return buildResource({
    rel: group.rel,
    href,
    properties: { id: group.id, name: group.name },
    links: {
      groupContacts: `${app.href('people/contacts')}?groupId=${group.id}`,
      subscribeToGroupPresence: subscribe,
    },
  });
}

/** expandDistributionGroup: the distribution group with its members. */
export function expandedResource(app: ApplicationHandle, group: GroupInfo): UnknownResource {
  return buildResource({
    rel: 'expandDistributionGroup',
    href: `${app.href(groupPath(group))}/expand`,
    properties: { uri: group.uri, id: group.id, name: group.name },
    embedded: { contact: group.members.map((u) => contactResource(app, u)) },
  });
}

/** myGroups (myGroups_ref.md): pinned and default groups linked, the others embedded. */
export function myGroupsResource(
  app: ApplicationHandle,
  groups: readonly GroupInfo[],
): UnknownResource {
  const of = (rel: GroupRel) => groups.filter((g) => g.rel === rel);
  const one = (rel: GroupRel): string | undefined => {
    const group = of(rel)[0];
    return group === undefined ? undefined : app.href(groupPath(group));
  };
  return buildResource({
    rel: 'myGroups',
    href: app.href('people/groups'),
    links: {
      pinnedGroup: one('pinnedGroup'),
      defaultGroup: one('defaultGroup'),
      group: of('group').map((g) => app.href(groupPath(g))),
      distributionGroup: of('distributionGroup').map((g) => app.href(groupPath(g))),
    },
    embedded: {
      group: of('group').map((g) => groupResource(app, g)),
      distributionGroup: of('distributionGroup').map((g) => groupResource(app, g)),
    },
  });
}

/** One contact's membership of one group (myGroupMembership_ref.md). */
export function membershipResource(
  app: ApplicationHandle,
  group: GroupInfo,
  contact: UserRecord,
): UnknownResource {
  return buildResource({
    rel: 'myGroupMembership',
    href: app.href(`people/groupMemberships/${group.id},${contact.address.toLowerCase()}`),
    links: {
      contact: app.href(contactPath(contact.address)),
      [group.rel]: app.href(groupPath(group)),
    },
  });
}

/** myGroupMemberships: every (contact, group) pair of the contact list, or of one group. */
export function membershipsResource(
  app: ApplicationHandle,
  groups: readonly GroupInfo[],
  groupId: string | null,
): UnknownResource {
  const personal = groups.filter(
    (g) => g.rel !== 'distributionGroup' && (groupId === null || g.id === groupId),
  );
  return buildResource({
    rel: 'myGroupMemberships',
    href: app.href('people/groupMemberships'),
    embedded: {
      myGroupMembership: personal.flatMap((g) =>
        g.members.map((c) => membershipResource(app, g, c)),
      ),
    },
  });
}
