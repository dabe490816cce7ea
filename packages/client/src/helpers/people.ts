import {
  findLinks,
  isResource,
  listEmbedded,
  type Resource,
  type UnknownResource,
} from '@ucwa/model';
import { peopleHub } from '../session/hub.ts';
import { followLink } from '../session/navigation.ts';
import type { SessionCore } from '../session/session-core.ts';

/** Options of `people.search`. */
export interface SearchOptions {
  /** Most results wanted. Default: the server's. */
  readonly limit?: number;
  readonly signal?: AbortSignal;
}

/** A photo as the server sent it. */
export interface Photo {
  /** The `Content-Type` of the answer (`image/png`, `image/jpeg`, ...), if it had one. */
  readonly contentType: string | undefined;
  readonly bytes: Uint8Array;
}

/** Contacts, groups and the directory (PeopleTasks.md). */
export interface People {
  /** My contacts. */
  contacts(): Promise<Resource<'contact'>[]>;
  /** My groups: pinned, default, the ones I made and distribution groups, as the server lists them. */
  groups(): Promise<UnknownResource[]>;
  /** Searches the directory by name or address. */
  search(query: string, options?: SearchOptions): Promise<Resource<'contact'>[]>;
  /** The absolute URL of a contact's photo (the `contactPhoto` link), if it has one. */
  photoUrl(contact: Resource<'contact'>): string | undefined;
  /** A contact's photo (the `contactPhoto` link), or `undefined` when it links none. */
  photo(
    contact: Resource<'contact'>,
    options?: { readonly signal?: AbortSignal },
  ): Promise<Photo | undefined>;
}

function contactsIn(resource: UnknownResource): Resource<'contact'>[] {
  return listEmbedded(resource, 'contact').filter((c): c is Resource<'contact'> & UnknownResource =>
    isResource(c, 'contact'),
  );
}

function people(core: SessionCore): Resource<'people'> {
  return peopleHub(core);
}

/** The people helper of a session. */
export function createPeople(core: SessionCore): People {
  return {
    contacts: async () => contactsIn(await followLink(core, people(core), 'myContacts')),
    groups: async () => [...listEmbedded(await followLink(core, people(core), 'myGroups'))],
    search: async (query, o = {}) => {
      const link = findLinks(people(core), 'search')[0];
      if (link === undefined) throw new TypeError('people has no search link');
      const found = await core.transport.get(core.key(link.href), {
        query: { query, ...(o.limit === undefined ? {} : { limit: o.limit }) },
        ...(o.signal === undefined ? {} : { signal: o.signal }),
      });
      return contactsIn(found);
    },
    photoUrl: (contact) => {
      const href = contact.links.contactPhoto?.href;
      return href === undefined ? undefined : core.key(href);
    },
    photo: async (contact, o = {}) => {
      const href = contact.links.contactPhoto?.href;
      if (href === undefined) return undefined;
      const answer = await core.transport.getBytes(
        core.key(href),
        o.signal === undefined ? {} : { signal: o.signal },
      );
      return { contentType: answer.contentType, bytes: answer.bytes };
    },
  };
}
