import { describe, expect, it } from 'vitest';
import { type Client, client, drain, type InProcess, inProcess } from './in-process.ts';

// Every link a state-dependent resource advertises must answer something other than 404
// when followed (GET, or POST where GET is not allowed). Each state is built afresh for
// each link, since following one may change the state.

interface Scene {
  readonly e: InProcess;
  readonly alice: Client;
  readonly bob: Client;
  /** alice's side, once bob has accepted (undefined before). */
  readonly aliceConversation: string;
  readonly aliceInvitation: string;
  readonly bobInvitation: string;
}

async function invited(): Promise<Scene> {
  const e = inProcess();
  const alice = await client(e, 'alice');
  const bob = await client(e, 'bob');
  for (const c of [alice, bob]) {
    await c.post(`${c.app}/me/makeMeAvailable`);
    await drain(c);
  }
  const res = await alice.post(`${alice.app}/communication/messagingInvitations`, {
    to: 'sip:bob@contoso.com',
  });
  const aliceInvitation = res.headers.get('Location') ?? '';
  const ring = await drain(bob);
  const bobInvitation = ring.find((x) => x.link.rel === 'messagingInvitation')?.link.href ?? '';
  const aliceConversation = (await drain(alice)).find((x) => x.link.rel === 'conversation')?.link
    .href;
  return {
    e,
    alice,
    bob,
    aliceConversation: aliceConversation ?? '',
    aliceInvitation,
    bobInvitation,
  };
}

async function accepted(): Promise<Scene> {
  const scene = await invited();
  await scene.bob.post(`${scene.bobInvitation}/accept`);
  await drain(scene.alice);
  await drain(scene.bob);
  return scene;
}

const av = (s: Scene) => `${s.aliceConversation}/audioVideo`;
const phone = (s: Scene) => `${s.aliceConversation}/phoneAudio`;
const to = { to: 'sip:bob@contoso.com' };

/** A resource of some scene: where it is and how to reach the state. */
type Case = readonly [name: string, build: () => Promise<Scene>, href: (s: Scene) => string];

const CASES: readonly Case[] = [
  ['messaging, Connecting', invited, (s) => `${s.aliceConversation}/messaging`],
  ['messaging, Connected', accepted, (s) => `${s.aliceConversation}/messaging`],
  ['conversation, Connecting', invited, (s) => s.aliceConversation],
  ['conversation, Connected', accepted, (s) => s.aliceConversation],
  ['outgoing messagingInvitation, Connecting', invited, (s) => s.aliceInvitation],
  ['incoming messagingInvitation, Connecting', invited, (s) => s.bobInvitation],
  ['outgoing messagingInvitation, Connected', accepted, (s) => s.aliceInvitation],
  ['incoming messagingInvitation, Connected', accepted, (s) => s.bobInvitation],
  [
    'outgoing messagingInvitation, Declined',
    async () => {
      const s = await invited();
      await s.bob.post(`${s.bobInvitation}/decline`);
      return s;
    },
    (s) => s.aliceInvitation,
  ],
  ['audioVideo, Disconnected', accepted, av],
  [
    'audioVideo, Connecting',
    async () => {
      const s = await accepted();
      await s.alice.post(`${av(s)}/addAudioVideo`, to);
      return s;
    },
    av,
  ],
  [
    'audioVideo, Connected (audio)',
    async () => {
      const s = await accepted();
      await s.alice.post(`${av(s)}/addAudio`, to);
      s.e.clock.advance(2_000);
      return s;
    },
    av,
  ],
  [
    'audioVideo, Connected (audio and video)',
    async () => {
      const s = await accepted();
      await s.alice.post(`${av(s)}/addAudioVideo`, to);
      s.e.clock.advance(2_000);
      return s;
    },
    av,
  ],
  ['phoneAudio, Disconnected', accepted, phone],
  [
    'phoneAudio, Connecting',
    async () => {
      const s = await accepted();
      await s.alice.post(`${phone(s)}/addPhoneAudio`, { to: 'tel:+14255550100' });
      return s;
    },
    phone,
  ],
  [
    'phoneAudio, Connected',
    async () => {
      const s = await accepted();
      await s.alice.post(`${phone(s)}/addPhoneAudio`, { to: 'tel:+14255550100' });
      s.e.clock.advance(2_000);
      return s;
    },
    phone,
  ],
  [
    'phoneAudio, held',
    async () => {
      const s = await accepted();
      await s.alice.post(`${phone(s)}/addPhoneAudio`, { to: 'tel:+14255550100' });
      s.e.clock.advance(2_000);
      await s.alice.post(`${phone(s)}/holdPhoneAudio`);
      return s;
    },
    phone,
  ],
];

type Links = Record<string, { href: string } | { href: string }[]>;

/** The followable links of a resource: not self, not data: URIs. */
async function linksOf(c: Client, href: string): Promise<[string, string][]> {
  const res = await c.get(href);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { _links: Links };
  return Object.entries(body._links).flatMap(([rel, value]) =>
    (Array.isArray(value) ? value : [value])
      .filter((l) => rel !== 'self' && !l.href.startsWith('data:'))
      .map((l): [string, string] => [rel, l.href]),
  );
}

/** The owner of a resource in the scene (bob for his invitation). */
const owner = (s: Scene, href: string): Client => (href.startsWith(s.bob.app) ? s.bob : s.alice);

describe('every advertised link answers', () => {
  it.each(CASES)('%s', async (_, build, href) => {
    const first = await build();
    const links = await linksOf(owner(first, href(first)), href(first));
    expect(links.length).toBeGreaterThan(0);
    for (const [rel, link] of links) {
      const s = await build();
      const c = owner(s, href(s));
      const target = link.replace(href(first).split('/communication/')[0] ?? '', c.app);
      let res = await c.get(target);
      if (res.status === 405) res = await c.post(target, to);
      expect({ rel, status: res.status }).not.toEqual({ rel, status: 404 });
    }
  });
});
