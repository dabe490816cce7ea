import * as jsonCodec from '@ucwa/codec-json';
import * as xmlCodec from '@ucwa/codec-xml';
import {
  findLinks,
  listEmbedded,
  type PropertyBag,
  type UcwaCodec,
  type UcwaEvent,
  type UnknownResource,
} from '@ucwa/model';
import { afterEach, describe, expect, it } from 'vitest';
import { demoUsers } from '../src/core/users.ts';
import { type BareResponse, bare } from './bare-client.ts';
import { type Harness, harness } from './helpers.ts';
import { client, drain, inProcess } from './in-process.ts';

type Format = 'json' | 'xml';
const CODECS: Record<Format, UcwaCodec> = { json: jsonCodec, xml: xmlCodec };

/** An event with its sender's rel, as a test reads it. */
type Seen = UcwaEvent & { readonly sender: string };

/** A signed-in application driven by a bare HTTP client in one format. */
interface User {
  readonly app: string;
  get(href: string): Promise<UnknownResource>;
  post(href: string, properties?: PropertyBag): Promise<BareResponse>;
  del(href: string): Promise<BareResponse>;
  decode(text: string): UnknownResource;
  /** The events queued now (the channel's windows are 0, so it answers at once). */
  drain(): Promise<Seen[]>;
}

const path = (href: string): string => {
  const url = new URL(href, 'http://x');
  return `${url.pathname}${url.search}`;
};

async function signIn(h: Harness, address: string, format: Format): Promise<User> {
  const codec = CODECS[format];
  const type = codec.mediaTypes[0] ?? '';
  const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
  const grant = new URLSearchParams({
    grant_type: 'password',
    username: address,
    password: 'demo',
  });
  const tok = await bare(h.url, 'POST', '/WebTicket/oauthtoken', form, grant.toString());
  const auth = { Authorization: `Bearer ${tok.json<{ access_token: string }>().access_token}` };
  const headers = { ...auth, Accept: type };
  const post = (href: string, properties: PropertyBag = {}) =>
    bare(
      h.url,
      'POST',
      path(href),
      { ...headers, 'Content-Type': type },
      codec.encodeInput({ properties }),
    );
  const created = await post('/ucwa/oauth/v1/applications', {
    UserAgent: 'lobby/1.0',
    EndpointId: `ep-${address}`,
    Culture: 'en-US',
  });
  const app = codec.decodeResource(created.text);
  let cursor = `${findLinks(app, 'events')[0]?.href}&medium=0&low=0`;
  const get = async (href: string) => {
    const res = await bare(h.url, 'GET', path(href), headers);
    if (res.status !== 200) throw new Error(`GET ${href}: ${res.status} ${res.text}`);
    return codec.decodeResource(res.text);
  };
  await post(`${app.href}/me/makeMeAvailable`, { SupportedModalities: ['Messaging'] });
  const user: User = {
    app: app.href,
    get,
    post,
    del: (href) => bare(h.url, 'DELETE', path(href), headers),
    decode: (text) => codec.decodeResource(text),
    async drain() {
      const batch = codec.decodeEventBatch((await bare(h.url, 'GET', path(cursor), headers)).text);
      cursor = batch.next ?? cursor;
      return batch.senders.flatMap((s) => s.events.map((e) => ({ ...e, sender: s.rel })));
    },
  };
  await user.drain();
  return user;
}

const names = (events: readonly Seen[]): string[] =>
  events.map((e) => `${e.sender}:${e.type}:${e.link.rel}${e.in ? ` in ${e.in.rel}` : ''}`);

/** alice's scheduled meeting with these settings: its focus URI. */
async function schedule(alice: User, settings: PropertyBag): Promise<string> {
  const res = await alice.post(`${alice.app}/onlineMeetings/myOnlineMeetings`, settings);
  expect(res.status).toBe(201);
  return String(alice.decode(res.text).properties.onlineMeetingUri);
}

/** Joins the meeting: the join invitation's href. */
async function join(user: User, uri: string): Promise<string> {
  const res = await user.post(`${user.app}/communication/onlineMeetingInvitations`, {
    onlineMeetingUri: uri,
    operationId: 'join-1',
  });
  expect(res.status).toBe(201);
  return res.headers.location as string;
}

/** The href of `rel` in `resource`, or `''`. */
const linkOf = (resource: UnknownResource | undefined, rel: string): string =>
  resource === undefined ? '' : (findLinks(resource, rel)[0]?.href ?? '');

/** The resource the first event embeds (a participant waiting in the lobby). */
function firstResource(events: readonly Seen[]): UnknownResource {
  const resource = events[0]?.resource;
  if (resource === undefined) throw new Error(`no resource in ${names(events).join(', ')}`);
  return resource;
}

/** The href of the one conversation an event list added. */
const addedConversation = (events: readonly Seen[]): string =>
  events.find((e) => e.type === 'added' && e.link.rel === 'conversation')?.link.href ?? '';

let h: Harness;
afterEach(async () => {
  await h?.server.close();
});

describe.each(['json', 'xml'] as const)('the meeting lobby over HTTP (%s)', (format) => {
  it('a Locked meeting: the joiner waits Connecting until the organizer admits; a second one is rejected', async () => {
    h = await harness({ seed: 5 });
    const [alice, bob, carol] = await Promise.all(
      ['alice', 'bob', 'carol'].map((u) => signIn(h, `${u}@contoso.com`, format)),
    );
    if (alice === undefined || bob === undefined || carol === undefined) throw new Error('users');
    const uri = await schedule(alice, { subject: 'Locked', accessLevel: 'Locked' });
    await join(alice, uri);
    const atAlice = addedConversation(await alice.drain());

    const invitation = await join(bob, uri);
    const bobSide = await bob.drain();
    expect(names(bobSide)).toEqual([
      'communication:started:onlineMeetingInvitation',
      'communication:added:conversation',
      'conversation:added:localParticipant',
    ]);
    const atBob = addedConversation(bobSide);
    expect((await bob.get(invitation)).properties.state).toBe('Connecting');
    expect((await bob.get(atBob)).properties.state).toBe('Connecting');
    const local = bobSide.find((e) => e.link.rel === 'localParticipant')?.resource;
    expect(local?.properties.inLobby).toBe(true);

    // The organizer sees bob in her conversation's lobby, with admit and reject.
    const lobbyAdded = await alice.drain();
    expect(names(lobbyAdded)).toEqual(['conversation:added:participant in lobby']);
    const waiting = lobbyAdded[0]?.resource;
    expect(waiting?.properties).toMatchObject({ inLobby: true, uri: 'sip:bob@contoso.com' });
    const admit = linkOf(waiting, 'admit');
    expect(linkOf(waiting, 'reject')).toMatch(/\/reject$/);
    const lobbyHref = linkOf(await alice.get(atAlice), 'lobby');
    const lobby = await alice.get(lobbyHref);
    expect(listEmbedded(lobby, 'participant').map((p) => p.properties.uri)).toEqual([
      'sip:bob@contoso.com',
    ]);
    // bob leads nothing: no lobby link, and no admitting himself.
    expect(findLinks(await bob.get(atBob), 'lobby')).toEqual([]);
    expect((await bob.post(admit.replace(atAlice, atBob))).status).toBe(403);

    expect((await alice.post(admit)).status).toBe(204);
    expect(names(await alice.drain())).toEqual([
      'conversation:deleted:participant in lobby',
      'conversation:added:participant',
      'communication:updated:conversation',
    ]);
    const admitted = await bob.drain();
    expect(names(admitted)).toEqual([
      'conversation:added:participant',
      'communication:updated:conversation',
      'communication:completed:onlineMeetingInvitation',
    ]);
    expect(admitted.at(-1)?.status).toBe('success');
    expect((await bob.get(atBob)).properties.state).toBe('Connected');
    expect(listEmbedded(await alice.get(lobbyHref), 'participant')).toEqual([]);
    expect((await alice.post(admit)).status).toBe(404);

    // carol is rejected: her join fails with Forbidden / Denied and her conversation ends.
    const carolInvitation = await join(carol, uri);
    const atCarol = addedConversation(await carol.drain());
    const carolWaits = firstResource(await alice.drain());
    const reject = linkOf(carolWaits, 'reject');
    expect((await alice.post(reject)).status).toBe(204);
    expect(names(await alice.drain())).toEqual(['conversation:deleted:participant in lobby']);
    const rejected = await carol.drain();
    expect(names(rejected)).toEqual([
      'communication:completed:onlineMeetingInvitation',
      'communication:deleted:conversation',
    ]);
    expect(rejected[0]).toMatchObject({
      status: 'failure',
      reason: { code: 'Forbidden', subcode: 'Denied' },
    });
    expect((await carol.get(carolInvitation)).properties.state).toBe('Failed');
    expect((await carol.del(atCarol)).status).toBe(404);
    // carol never entered the roster.
    expect((await bob.get(atBob)).properties.participantCount).toBe(2);
  });
});

describe('the meeting lobby: who waits, who admits', () => {
  it('a leader who joins later sees who waits; a joiner who leaves fails the join and leaves the lobby', async () => {
    h = await harness({ seed: 6 });
    const alice = await signIn(h, 'alice@contoso.com', 'json');
    const bob = await signIn(h, 'bob@contoso.com', 'xml');
    const uri = await schedule(alice, { accessLevel: 'Locked' });
    const invitation = await join(bob, uri);
    const atBob = addedConversation(await bob.drain());

    await join(alice, uri);
    const seen = await alice.drain();
    expect(names(seen).at(-1)).toBe('conversation:added:participant in lobby');
    expect(seen.at(-1)?.resource?.properties.uri).toBe('sip:bob@contoso.com');

    expect((await bob.del(atBob)).status).toBe(204);
    const left = await bob.drain();
    expect(left[0]).toMatchObject({
      type: 'completed',
      status: 'failure',
      reason: { code: 'LocalFailure', subcode: 'Canceled' },
    });
    expect(names(await alice.drain())).toEqual(['conversation:deleted:participant in lobby']);
    expect((await bob.get(invitation)).properties.state).toBe('Cancelled');
  });

  it('a leader other than the organizer, admitted, admits the next joiner', async () => {
    h = await harness({ seed: 7 });
    const alice = await signIn(h, 'alice@contoso.com', 'json');
    const bob = await signIn(h, 'bob@contoso.com', 'json');
    const carol = await signIn(h, 'carol@contoso.com', 'json');
    const uri = await schedule(alice, {
      accessLevel: 'Locked',
      leaders: ['sip:carol@contoso.com'],
    });
    await join(alice, uri);
    await alice.drain();
    // Locked: a leader waits too (AccessLevel_ref.md: the organizer only).
    await join(carol, uri);
    await carol.drain();
    const carolWaits = firstResource(await alice.drain());
    expect((await alice.post(linkOf(carolWaits, 'admit'))).status).toBe(204);
    await alice.drain();
    expect(names(await carol.drain()).at(-1)).toBe(
      'communication:completed:onlineMeetingInvitation',
    );

    await join(bob, uri);
    await bob.drain();
    const atCarol = firstResource(await carol.drain());
    expect(atCarol.properties.uri).toBe('sip:bob@contoso.com');
    expect((await alice.drain())[0]?.resource?.properties.uri).toBe('sip:bob@contoso.com');
    expect((await carol.post(linkOf(atCarol, 'admit'))).status).toBe(204);
    expect(names(await bob.drain()).at(-1)).toBe('communication:completed:onlineMeetingInvitation');
    // The organizer saw bob leave the lobby and enter the roster.
    expect(names(await alice.drain()).slice(0, 2)).toEqual([
      'conversation:deleted:participant in lobby',
      'conversation:added:participant',
    ]);
  });

  const dana = { address: 'dana@fabrikam.com', password: 'demo', name: 'Dana', contacts: [] };
  it.each([
    // [accessLevel, attendees, who joins, admitted at once]
    ['Everyone', [], 'dana@fabrikam.com', true],
    ['SameEnterprise', [], 'bob@contoso.com', true],
    ['SameEnterprise', [], 'dana@fabrikam.com', false],
    ['None', [], 'bob@contoso.com', true],
    ['Invited', ['sip:bob@contoso.com'], 'bob@contoso.com', true],
    ['Invited', ['sip:bob@contoso.com'], 'carol@contoso.com', false],
    ['Invited', ['sip:dana@fabrikam.com'], 'dana@fabrikam.com', false],
    ['Locked', ['sip:bob@contoso.com'], 'bob@contoso.com', false],
    ['Locked', [], 'alice@contoso.com', true],
    // Enumerations are read without regard to case, as the server validates them.
    ['everyone', [], 'dana@fabrikam.com', true],
    ['LOCKED', [], 'bob@contoso.com', false],
  ] as const)('%s, attendees %j: %s admitted at once: %s', async (level, attendees, who, at) => {
    h = await harness({ users: [...demoUsers(), dana] });
    const alice = await signIn(h, 'alice@contoso.com', 'json');
    const uri = await schedule(alice, { accessLevel: level, attendees: [...attendees] });
    const joiner = who === 'alice@contoso.com' ? alice : await signIn(h, who, 'json');
    const invitation = await join(joiner, uri);
    expect((await joiner.get(invitation)).properties.state).toBe(at ? 'Connected' : 'Connecting');
  });
});

describe('the meeting lobby and anonymous joiners', () => {
  it('an anonymous joiner of a SameEnterprise meeting (the assigned one) waits until admitted', async () => {
    const e = inProcess();
    const alice = await client(e, 'alice');
    const mine = await (await alice.get(`${alice.app}/onlineMeetings/myOnlineMeetings`)).json();
    const assigned = (mine as { _embedded: { myAssignedOnlineMeeting: Record<string, string>[] } })
      ._embedded.myAssignedOnlineMeeting[0];
    const uri = assigned?.onlineMeetingUri ?? '';
    expect(assigned?.accessLevel).toBe('SameEnterprise');
    await alice.post(`${alice.app}/communication/onlineMeetingInvitations`, {
      onlineMeetingUri: uri,
    });
    await drain(alice);

    const grant = await e.fetch('/WebTicket/oauthtoken', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'urn:microsoft.rtc:anonmeeting',
        ms_rtc_conferenceuri: uri,
        password: assigned?.onlineMeetingId ?? '',
      }).toString(),
    });
    const auth = {
      Authorization: `Bearer ${((await grant.json()) as { access_token: string }).access_token}`,
    };
    const created = await e.fetch('/ucwa/oauth/v1/applications', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ UserAgent: 'anon', EndpointId: 'anon-1', Culture: 'en-US' }),
    });
    const anonApp = ((await created.json()) as { _links: { self: { href: string } } })._links.self
      .href;
    const joined = await e.fetch(`${anonApp}/communication/onlineMeetingInvitations`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ onlineMeetingUri: uri }),
    });
    const invitation = joined.headers.get('Location') ?? '';
    const state = async () =>
      ((await (await e.fetch(invitation, { headers: auth })).json()) as { state: string }).state;
    expect(await state()).toBe('Connecting');

    const [waits] = await drain(alice);
    expect(waits).toMatchObject({ type: 'added', link: { rel: 'participant' } });
    const seen = (await (await alice.get(waits?.link.href ?? '')).json()) as PropertyBag;
    expect(seen).toMatchObject({ anonymous: true, inLobby: true, name: 'Anonymous' });
    expect((await alice.post(`${waits?.link.href}/admit`)).status).toBe(204);
    expect(await state()).toBe('Connected');
  });
});
