import type { UnknownResource } from '@ucwa/model';
import type { ApplicationHandle } from '../../apps/application.ts';
import { buildResource } from '../../core/resource.ts';
import type { UserState } from '../../core/user-state.ts';
import type { UserRecord } from '../../core/users.ts';

// Pure builders for the people hub, contacts and what a contact links to. Paths follow
// the task pages (GetUsersContactList.md, SearchForUsersContact.md): a contact lives at
// `people/<address>`, its presence at `people/<address>/presence`, its photo at
// `photos/<address>`.

/** The application-relative path of a contact (or of `sub` under it). */
export const contactPath = (address: string, sub?: string): string =>
  `people/${address.toLowerCase()}${sub === undefined ? '' : `/${sub}`}`;

/** people (people_ref.md): the hub with the links CreateAnApplication.md shows. */
export function peopleResource(app: ApplicationHandle): UnknownResource {
  const p = (path: string): string => app.href(`people/${path}`);
  return buildResource({
    rel: 'people',
    href: app.href('people'),
    links: {
      presenceSubscriptions: p('presenceSubscriptions'),
      subscribedContacts: p('subscribedContacts'),
      presenceSubscriptionMemberships: p('presenceSubscriptionMemberships'),
      myGroups: p('groups'),
      myGroupMemberships: p('groupMemberships'),
      myContacts: p('contacts'),
      search: p('search'),
    },
  });
}

/** contact (contact_ref.md) for a user of the directory. */
export function contactResource(app: ApplicationHandle, user: UserRecord): UnknownResource {
  const c = (sub: string): string => app.href(contactPath(user.address, sub));
  return buildResource({
    rel: 'contact',
    href: app.href(contactPath(user.address)),
    properties: {
      uri: `sip:${user.address}`,
      sourceNetwork: 'SameEnterprise',
      emailAddresses: [user.address],
      type: 'User',
      name: user.name,
      title: user.title,
      department: user.department,
      company: user.company,
      office: user.officeLocation,
      workPhoneNumber: user.workPhoneNumber,
      mobilePhoneNumber: user.mobilePhoneNumber,
    },
    links: {
      contactPhoto: app.href(`photos/${user.address.toLowerCase()}`),
      contactPresence: c('presence'),
      contactLocation: c('location'),
      contactNote: c('note'),
      contactSupportedModalities: c('supportedMedia'),
      contactPrivacyRelationship: c('privacyRelationship'),
    },
  });
}

/** A list of contacts (`myContacts`, `groupContacts`): links and embedded contacts. */
export function contactListResource(
  app: ApplicationHandle,
  rel: 'myContacts' | 'groupContacts',
  href: string,
  users: readonly UserRecord[],
): UnknownResource {
  return buildResource({
    rel,
    href,
    links: { contact: users.map((u) => app.href(contactPath(u.address))) },
    embedded: { contact: users.map((u) => contactResource(app, u)) },
  });
}

/** contactPresence: availability, activity, deviceType, lastActive. */
export function contactPresenceResource(
  app: ApplicationHandle,
  address: string,
  state: UserState,
  online: boolean,
): UnknownResource {
  return buildResource({
    rel: 'contactPresence',
    href: app.href(contactPath(address, 'presence')),
    properties: {
      availability: state.availability,
      activity: state.activity,
      deviceType: online && state.availability !== 'Offline' ? 'PC' : 'Unknown',
      lastActive: new Date(state.lastActive),
    },
  });
}

export function contactNoteResource(
  app: ApplicationHandle,
  address: string,
  state: UserState,
): UnknownResource {
  return buildResource({
    rel: 'contactNote',
    href: app.href(contactPath(address, 'note')),
    properties: { message: state.note, type: state.noteType },
  });
}

export function contactLocationResource(
  app: ApplicationHandle,
  address: string,
  state: UserState,
): UnknownResource {
  return buildResource({
    rel: 'contactLocation',
    href: app.href(contactPath(address, 'location')),
    properties: { location: state.location },
  });
}

export function contactModalitiesResource(
  app: ApplicationHandle,
  address: string,
  modalities: readonly string[],
): UnknownResource {
  return buildResource({
    rel: 'contactSupportedModalities',
    href: app.href(contactPath(address, 'supportedMedia')),
    properties: { modalities: [...modalities] },
  });
}

export function contactPrivacyResource(app: ApplicationHandle, address: string): UnknownResource {
  return buildResource({
    rel: 'contactPrivacyRelationship',
    href: app.href(contactPath(address, 'privacyRelationship')),
    properties: { relationshipLevel: 'Colleagues' },
  });
}

/** A 1×1 transparent PNG: the photo of every contact (contactPhoto_ref.md serves image bytes). */
export const PHOTO_PNG: Uint8Array = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  ),
  (ch) => ch.charCodeAt(0),
);
