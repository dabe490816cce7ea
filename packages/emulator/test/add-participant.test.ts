import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, local } from './helpers.ts';
import { available, type Ev, events, find, type User } from './users.ts';

let h: Harness;
afterEach(async () => {
  await h?.server.close();
});

type Body = Record<string, unknown> & { _links: Record<string, { href: string } | undefined> };
const embedded = (e: Ev, rel: string) => (e._embedded?.[rel] ?? { _links: {} }) as Body;
const read = async (u: User, href: string) => (await (await u.s.get(href)).json()) as Body;

/** alice and bob in a connected two-party conversation: each side's conversation href. */
async function twoParty(alice: User, bob: User): Promise<{ atAlice: string; atBob: string }> {
  const hub = await read(alice, `${alice.s.appHref}/communication`);
  await alice.s.post(hub._links.startMessaging?.href ?? '', { to: 'sip:bob@contoso.com' });
  const a = await events(alice);
  const b = await events(bob);
  const incoming = embedded(find(b.all, 'messagingInvitation', 'started'), 'messagingInvitation');
  await bob.s.post(incoming._links.accept?.href ?? '', undefined);
  await events(bob);
  await events(alice);
  return {
    atAlice: find(a.all, 'conversation', 'added').link.href,
    atBob: find(b.all, 'conversation', 'added').link.href,
  };
}

describe('addParticipant (addParticipant_ref.md, participantInvitation_ref.md)', () => {
  it('escalates to a meeting, rings the invitee with an onlineMeetingInvitation, and all three message', async () => {
    h = await local();
    const alice = await available(h, 'alice@contoso.com');
    const bob = await available(h, 'bob@contoso.com');
    const carol = await available(h, 'carol@contoso.com');
    const { atAlice, atBob } = await twoParty(alice, bob);
    const conversation = await read(alice, atAlice);
    expect(conversation.onlineMeetingUri).toBeUndefined();

    const added = await alice.s.post(conversation._links.addParticipant?.href ?? '', {
      to: 'sip:carol@contoso.com',
      operationId: 'add-1',
    });
    expect(added.status).toBe(201);
    const location = added.headers.get('Location') ?? '';
    expect(location).toMatch(/\/communication\/participantInvitations\/\w+$/);
    const outgoing = await read(alice, location);
    expect(outgoing).toMatchObject({
      rel: 'participantInvitation',
      direction: 'Outgoing',
      state: 'Connecting',
      operationId: 'add-1',
      to: 'sip:carol@contoso.com',
    });
    const a = await events(alice);
    expect(a.list).toContain('communication:started:participantInvitation');
    const escalated = embedded(find(a.all, 'conversation', 'updated'), 'conversation');
    const uri = String(escalated.onlineMeetingUri);
    expect(uri).toMatch(/^sip:alice@contoso\.com;gruu;opaque=app:conf:focus:id:\w+$/);
    expect((await read(bob, atBob)).onlineMeetingUri).toBe(uri);

    const c = await events(carol);
    const ringing = embedded(
      find(c.all, 'onlineMeetingInvitation', 'started'),
      'onlineMeetingInvitation',
    );
    expect(ringing).toMatchObject({ direction: 'Incoming', onlineMeetingUri: uri });
    expect(ringing._links.decline?.href).toBeDefined();
    expect((await carol.s.post(ringing._links.accept?.href ?? '', undefined)).status).toBe(204);
    const c2 = await events(carol);
    expect(c2.list).toContain('communication:completed:onlineMeetingInvitation');
    const atCarol = ringing._links.conversation?.href ?? '';
    expect(await read(carol, atCarol)).toMatchObject({ state: 'Connected', participantCount: 3 });
    const a2 = await events(alice);
    const done = find(a2.all, 'participantInvitation', 'completed');
    expect(done.status?.toLowerCase()).toBe('success');
    expect(a2.list).toContain('conversation:added:participant');
    await events(bob);

    // A message from carol reaches both others; the same person again is refused.
    const messaging = await read(carol, `${atCarol}/messaging`);
    expect(messaging.state).toBe('Connected');
    const sent = await h.fetch(`${h.url}${messaging._links.sendMessage?.href}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${carol.s.token}`, 'Content-Type': 'text/plain' },
      body: 'hello both',
    });
    expect(sent.status).toBe(201);
    for (const u of [alice, bob])
      expect((await events(u)).list).toContain('conversation:completed:message');
    const again = await alice.s.post(conversation._links.addParticipant?.href ?? '', {
      to: 'sip:bob@contoso.com',
    });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ subcode: 'AlreadyExists' });
  });

  it('a declined invitation fails the participantInvitation and leaves the conversation as it was', async () => {
    h = await local();
    const alice = await available(h, 'alice@contoso.com');
    const bob = await available(h, 'bob@contoso.com');
    const carol = await available(h, 'carol@contoso.com');
    const { atAlice } = await twoParty(alice, bob);
    const conversation = await read(alice, atAlice);
    await alice.s.post(conversation._links.addParticipant?.href ?? '', {
      to: 'sip:carol@contoso.com',
    });
    await events(alice);
    const c = await events(carol);
    const ringing = embedded(
      find(c.all, 'onlineMeetingInvitation', 'started'),
      'onlineMeetingInvitation',
    );
    expect((await carol.s.post(ringing._links.decline?.href ?? '', undefined)).status).toBe(204);
    const a = await events(alice);
    const failed = find(a.all, 'participantInvitation', 'completed');
    expect(failed.status?.toLowerCase()).toBe('failure');
    expect(await read(alice, atAlice)).toMatchObject({ state: 'Connected', participantCount: 2 });
    const unknown = await alice.s.post(conversation._links.addParticipant?.href ?? '', {
      to: 'sip:nobody@contoso.com',
    });
    expect(unknown.status).toBe(201);
    const b = await events(alice);
    expect(find(b.all, 'participantInvitation', 'completed').reason?.subcode).toBe(
      'DestinationNotFound',
    );
  });

  it('addMessaging connects messaging in a joined meeting that has none', async () => {
    h = await local();
    const alice = await available(h, 'alice@contoso.com');
    const hub = await read(alice, `${alice.s.appHref}/communication`);
    const joined = await alice.s.post(hub._links.startOnlineMeeting?.href ?? '', {});
    expect(joined.status).toBe(201);
    const a = await events(alice);
    const atAlice = find(a.all, 'conversation', 'added').link.href;
    const messaging = await read(alice, `${atAlice}/messaging`);
    expect(messaging.state).toBe('Disconnected');
    const add = await alice.s.post(messaging._links.addMessaging?.href ?? '', {
      operationId: 'm-1',
    });
    expect(add.status).toBe(201);
    const a2 = await events(alice);
    expect(find(a2.all, 'messagingInvitation', 'completed').status?.toLowerCase()).toBe('success');
    const after = await read(alice, `${atAlice}/messaging`);
    expect(after.state).toBe('Connected');
    expect(after._links.addMessaging).toBeUndefined();
    expect((await alice.s.post(`${atAlice}/messaging/addMessaging`, {})).status).toBe(409);
  });
});
