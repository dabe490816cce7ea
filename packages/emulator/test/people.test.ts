import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, local, type Session, signIn, XML_TYPE } from './helpers.ts';

let h: Harness;
afterEach(async () => {
  await h?.server.close();
});

interface Listed {
  rel: string;
  moreResultsAvailable?: boolean;
  _links: Record<string, { href: string } | { href: string }[]>;
  _embedded?: Record<string, { rel: string; name?: string; uri?: string; id?: string }[]>;
}

const read = async (s: Session, path: string): Promise<Listed> => {
  const res = await s.get(path.startsWith('/') ? path : `${s.appHref}/${path}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Listed;
};
const uris = (body: Listed, rel = 'contact'): (string | undefined)[] =>
  (body._embedded?.[rel] ?? []).map((c) => c.uri);

describe('people: contact list and groups', () => {
  it('links the hub from the application and lists each user’s own contacts', async () => {
    h = await local();
    const alice = await signIn(h, 'alice@contoso.com');
    const bob = await signIn(h, 'bob@contoso.com');
    const people = (alice.app._embedded as unknown as Record<string, Listed>).people;
    const myContacts = people?._links.myContacts as { href: string };
    expect(myContacts.href).toBe(`${alice.appHref}/people/contacts`);
    const mine = await read(alice, myContacts.href);
    expect(mine.rel).toBe('myContacts');
    expect(uris(mine)).toEqual(['sip:bob@contoso.com', 'sip:carol@contoso.com']);
    expect(mine._links.contact).toEqual([
      { href: `${alice.appHref}/people/bob@contoso.com` },
      { href: `${alice.appHref}/people/carol@contoso.com` },
    ]);
    expect(uris(await read(bob, 'people/contacts'))).toEqual([
      'sip:alice@contoso.com',
      'sip:carol@contoso.com',
    ]);
    // A contact and what it links to; hrefs are per application.
    const contact = (await read(alice, 'people/bob@contoso.com')) as Listed &
      Record<string, unknown>;
    expect(contact).toMatchObject({
      rel: 'contact',
      name: 'Bob',
      sourceNetwork: 'SameEnterprise',
      type: 'User',
      emailAddresses: ['bob@contoso.com'],
    });
    expect(Object.keys(contact._links).sort()).toEqual([
      'contactLocation',
      'contactNote',
      'contactPhoto',
      'contactPresence',
      'contactPrivacyRelationship',
      'contactSupportedModalities',
      'self',
    ]);
    expect(await read(alice, 'people/bob@contoso.com/presence')).toMatchObject({
      rel: 'contactPresence',
      availability: 'Offline',
      deviceType: 'Unknown',
    });
    expect((await alice.get(`${alice.appHref}/people/dana@contoso.com`)).status).toBe(404);
  });

  it('serves groups, group contacts and memberships as the user sees them', async () => {
    h = await local();
    const alice = await signIn(h, 'alice@contoso.com');
    const groups = await read(alice, 'people/groups');
    expect(groups.rel).toBe('myGroups');
    expect(groups._links.pinnedGroup).toEqual({ href: `${alice.appHref}/people/groups/pinned` });
    expect(groups._links.defaultGroup).toEqual({ href: `${alice.appHref}/people/groups/default` });
    expect(groups._embedded?.group?.map((g) => [g.id, g.name])).toEqual([['group1', 'R&D']]);
    expect(groups._embedded?.distributionGroup?.map((g) => g.uri)).toEqual([
      'sip:everyone@contoso.com',
    ]);
    const group = await read(alice, 'people/groups/group1');
    expect(group).toMatchObject({ rel: 'group', id: 'group1', name: 'R&D' });
    const members = await read(alice, (group._links.groupContacts as { href: string }).href);
    expect(members.rel).toBe('groupContacts');
    expect(uris(members)).toEqual(['sip:bob@contoso.com', 'sip:carol@contoso.com']);
    expect(await read(alice, 'people/groups/pinned')).toMatchObject({
      rel: 'pinnedGroup',
      name: 'Pinned Contacts',
    });
    expect(uris(await read(alice, 'people/contacts?groupId=default'))).toEqual([]);
    const everyone = await read(alice, 'people/groups/everyone/expand');
    expect(everyone.rel).toBe('expandDistributionGroup');
    expect(uris(everyone)).toHaveLength(3);
    const memberships = await read(alice, 'people/groupMemberships');
    expect(memberships._embedded?.myGroupMembership).toHaveLength(2);
    expect((await alice.get(`${alice.appHref}/people/groups/nope`)).status).toBe(404);
  });

  it('serves a contact photo as an image', async () => {
    h = await local();
    const alice = await signIn(h, 'alice@contoso.com');
    const res = await alice.get(`${alice.appHref}/photos/bob@contoso.com`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^image\/png/);
    expect(new Uint8Array(await res.arrayBuffer()).slice(1, 4)).toEqual(
      new TextEncoder().encode('PNG'),
    );
  });
});

describe('people: search', () => {
  it('finds users of the directory by name, address or uri, with limit', async () => {
    h = await local();
    const alice = await signIn(h, 'alice@contoso.com');
    const bob = await read(alice, 'people/search?query=bob@contoso.com&limit=3');
    expect(bob.rel).toBe('search');
    expect(bob.moreResultsAvailable).toBe(false);
    expect(uris(bob)).toEqual(['sip:bob@contoso.com']);
    expect((bob._links.self as { href: string }).href).toContain('query=bob%40contoso.com');
    expect(uris(await read(alice, 'people/search?query=CAROL'))).toEqual(['sip:carol@contoso.com']);
    const limited = await read(alice, 'people/search?query=contoso&limit=2');
    expect(uris(limited)).toHaveLength(2);
    expect(limited.moreResultsAvailable).toBe(true);
    const groups = await read(alice, 'people/search?query=everyone');
    expect(uris(groups, 'distributionGroup')).toEqual(['sip:everyone@contoso.com']);
    expect(uris(await read(alice, 'people/search?query=zed'))).toEqual([]);
  });

  it('requires the query parameter (catalog validation) and answers in XML', async () => {
    h = await local();
    const alice = await signIn(h, 'alice@contoso.com');
    const missing = await alice.get(`${alice.appHref}/people/search`);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      subcode: 'ParameterValidationFailure',
      parameters: [{ name: 'query', value: '' }],
    });
    const xml = await alice.get(`${alice.appHref}/people/search?query=bob`, {
      headers: { Accept: XML_TYPE },
    });
    expect(xml.headers.get('Content-Type')).toContain('xml');
    const text = await xml.text();
    expect(text).toContain('rel="search"');
    expect(text).toMatch(/<resource rel="contact" href="[^"]*\/people\/bob@contoso\.com"/);
    expect(text).toContain('<property name="uri">sip:bob@contoso.com</property>');
  });
});
