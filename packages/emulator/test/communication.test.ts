import { dataUriText, formatDataUri, parseDataUri } from '@ucwa/model';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, local, type Session, signIn } from './helpers.ts';
import { available, type Ev, events, find, type User } from './users.ts';

let h: Harness;
afterEach(async () => {
  await h?.server.close();
});

/** POST a text/plain or text/html body (sendMessage). */
const postText = (
  s: Session,
  href: string,
  type: string,
  body: string,
  accept = 'application/json',
) =>
  h.fetch(href.startsWith('http') ? href : `${h.url}${href}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${s.token}`, Accept: accept, 'Content-Type': type },
    body,
  });
const embedded = (e: Ev, rel: string) =>
  (e._embedded?.[rel] ?? {}) as Record<string, unknown> & {
    _links: Record<string, { href: string }>;
  };

async function invite(alice: User, bob: User, body: Record<string, unknown> = {}) {
  const comm = `${alice.s.appHref}/communication`;
  const hub = (await (await alice.s.get(comm)).json()) as {
    _links: Record<string, { href: string }>;
  };
  const res = await alice.s.post(hub._links.startMessaging?.href ?? '', {
    to: 'sip:bob@contoso.com',
    subject: 'Lunch',
    operationId: 'op-1',
    ...body,
  });
  expect(res.status).toBe(201);
  const location = res.headers.get('Location') ?? '';
  const a = await events(alice);
  const b = await events(bob);
  return { location, a, b };
}

describe('messaging between two users', () => {
  it('invites, accepts, exchanges plain and html messages, types, and stops', async () => {
    h = await local();
    const alice = await available(h, 'alice@contoso.com');
    const bob = await available(h, 'bob@contoso.com');
    const first = formatDataUri('Hi Bob', { mediaType: 'text/plain' });
    const { location, a, b } = await invite(alice, bob, { _links: { message: { href: first } } });
    expect(location).toMatch(/\/communication\/messagingInvitations\/\w+$/);
    expect(a.list).toEqual([
      'communication:started:messagingInvitation',
      'communication:added:conversation',
      'conversation:added:localParticipant',
      'conversation:updated:messaging',
    ]);
    const started = embedded(find(a.all, 'messagingInvitation', 'started'), 'messagingInvitation');
    expect(started).toMatchObject({
      operationId: 'op-1',
      direction: 'Outgoing',
      state: 'Connecting',
    });
    expect(b.list).toEqual([
      'communication:started:messagingInvitation',
      'communication:added:conversation',
      'conversation:added:localParticipant',
      'conversation:added:participant',
    ]);
    const incoming = embedded(find(b.all, 'messagingInvitation', 'started'), 'messagingInvitation');
    expect(incoming).toMatchObject({ direction: 'Incoming', subject: 'Lunch' });
    expect(dataUriText(parseDataUri(incoming._links.message?.href ?? ''))).toBe('Hi Bob');
    expect((incoming._embedded as { from: { name: string } }).from.name).toBe('Alice');

    expect((await bob.s.post(incoming._links.accept?.href ?? '', undefined)).status).toBe(204);
    const b2 = await events(bob);
    expect(b2.list).toContain('communication:completed:messagingInvitation');
    const firstMessage = find(b2.all, 'message', 'completed');
    expect(embedded(firstMessage, 'message')._links.plainMessage?.href).toContain('Hi%20Bob');
    const a2 = await events(alice);
    expect(a2.list).toEqual(
      expect.arrayContaining([
        'communication:updated:conversation',
        'conversation:added:participant',
        'conversation:updated:messaging',
        'communication:completed:messagingInvitation',
      ]),
    );
    const completed = find(a2.all, 'messagingInvitation', 'completed');
    expect(completed.status?.toLowerCase()).toBe('success');
    expect(embedded(completed, 'messagingInvitation')).toMatchObject({
      operationId: 'op-1',
      state: 'Connected',
    });
    const messaging = embedded(find(a2.all, 'messaging', 'updated'), 'messaging');
    expect(messaging.state).toBe('Connected');

    // alice → bob, text/plain
    const send = await postText(
      alice.s,
      `${messaging._links.sendMessage?.href}?operationId=m1`,
      'text/plain',
      'What’s up?',
    );
    expect(send.status).toBe(201);
    const a3 = await events(alice);
    expect(a3.list).toEqual(['conversation:started:message', 'conversation:completed:message']);
    expect(embedded(a3.all[1] as Ev, 'message')).toMatchObject({
      direction: 'Outgoing',
      operationId: 'm1',
    });
    const b3 = await events(bob);
    const got = embedded(find(b3.all, 'message', 'completed'), 'message');
    expect(got.direction).toBe('Incoming');
    expect(dataUriText(parseDataUri(got._links.plainMessage?.href ?? ''))).toBe('What’s up?');

    // bob types, then answers in text/html
    const bobConv = embedded(find(b2.all, 'messaging', 'updated'), 'messaging')._links;
    expect((await bob.s.post(bobConv.setIsTyping?.href ?? '', undefined)).status).toBe(204);
    const a4 = await events(alice);
    expect(a4.list).toEqual(['conversation:added:participant']);
    expect(a4.all[0]?.in?.rel).toBe('typingParticipants');
    const typing = (await (
      await alice.s.get(messaging._links.typingParticipants?.href ?? '')
    ).json()) as {
      _links: { participant: { href: string }[] };
    };
    expect(typing._links.participant).toHaveLength(1);
    const html = await postText(
      bob.s,
      `${bobConv.sendMessage?.href}?operationId=m2`,
      'text/html',
      '<b>Sure</b>',
    );
    expect(html.status).toBe(201);
    const a5 = await events(alice);
    expect(a5.list).toEqual(['conversation:deleted:participant', 'conversation:completed:message']);
    const htmlIn = embedded(find(a5.all, 'message', 'completed'), 'message');
    const parsed = parseDataUri(htmlIn._links.htmlMessage?.href ?? '');
    expect([parsed.mediaType, dataUriText(parsed)]).toEqual(['text/html', '<b>Sure</b>']);
    await events(bob);
    const mine = await bob.s.get(html.headers.get('Location') ?? '');
    expect(await mine.json()).toMatchObject({
      rel: 'message',
      direction: 'Outgoing',
      operationId: 'm2',
    });

    // alice stops: both sides end
    expect((await alice.s.post(messaging._links.stopMessaging?.href ?? '', undefined)).status).toBe(
      204,
    );
    expect((await events(alice)).list).toEqual([
      'conversation:updated:messaging',
      'communication:deleted:conversation',
    ]);
    expect((await events(bob)).list).toEqual([
      'conversation:updated:messaging',
      'conversation:deleted:participant',
      'communication:deleted:conversation',
    ]);
    const list = (await (
      await alice.s.get(`${alice.s.appHref}/communication/conversations`)
    ).json()) as {
      _links: Record<string, unknown>;
    };
    expect(list._links.conversation).toEqual([]);
  });

  it('declined: the inviter’s invitation completes with failure and a reason', async () => {
    h = await local();
    const alice = await available(h, 'alice@contoso.com');
    const bob = await available(h, 'bob@contoso.com');
    const { b } = await invite(alice, bob);
    const incoming = embedded(find(b.all, 'messagingInvitation', 'started'), 'messagingInvitation');
    expect(
      (await bob.s.post(incoming._links.decline?.href ?? '', { reason: 'Global' })).status,
    ).toBe(204);
    expect((await events(bob)).list).toEqual([
      'communication:completed:messagingInvitation',
      'communication:deleted:conversation',
    ]);
    const a = await events(alice);
    expect(a.list).toEqual([
      'communication:completed:messagingInvitation',
      'conversation:updated:messaging',
      'communication:deleted:conversation',
    ]);
    const done = find(a.all, 'messagingInvitation', 'completed');
    expect(done.status?.toLowerCase()).toBe('failure');
    expect(done.reason).toMatchObject({ code: 'Forbidden', subcode: 'Declined' });
    expect(embedded(done, 'messagingInvitation')).toMatchObject({
      operationId: 'op-1',
      state: 'Declined',
    });
  });

  it('fails at once for an offline or unknown invitee, and validates the body', async () => {
    h = await local();
    const alice = await available(h, 'alice@contoso.com');
    await signIn(h, 'bob@contoso.com'); // signed in, never available
    const start = `${alice.s.appHref}/communication/messagingInvitations`;
    expect(
      (await alice.s.post(start, { to: 'sip:bob@contoso.com', operationId: 'x' })).status,
    ).toBe(201);
    const a = await events(alice);
    expect(find(a.all, 'messagingInvitation', 'completed').reason).toMatchObject({
      subcode: 'TemporarilyUnavailable',
    });
    expect(
      (await alice.s.post(start, { to: 'sip:nobody@contoso.com', operationId: 'y' })).status,
    ).toBe(201);
    expect(
      find((await events(alice)).all, 'messagingInvitation', 'completed').reason,
    ).toMatchObject({
      subcode: 'DestinationNotFound',
    });
    // `to` is required; operationId is not (field clients omit it; see requireOperationId).
    const missing = await alice.s.post(start, { subject: 'no one', operationId: 'z' });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ parameters: [{ name: 'to' }] });
  });

  it('ends a conversation with DELETE, and speaks XML', async () => {
    h = await local();
    const alice = await available(h, 'alice@contoso.com');
    const bob = await available(h, 'bob@contoso.com');
    const { a, b } = await invite(alice, bob);
    const incoming = embedded(find(b.all, 'messagingInvitation', 'started'), 'messagingInvitation');
    await bob.s.post(incoming._links.accept?.href ?? '', undefined);
    await events(bob);
    await events(alice);
    const conv = find(a.all, 'conversation', 'added').link.href;
    const xml = await alice.s.get(conv, {
      headers: { Accept: 'application/vnd.microsoft.com.ucwa+xml' },
    });
    const doc = await xml.text();
    expect(doc).toContain('rel="conversation"');
    expect(doc).toContain('<property name="state">Connected</property>');
    const send = await postText(
      bob.s,
      `${incoming._links.messaging?.href}/messages?operationId=x1`,
      'text/plain',
      'xml please',
      'application/vnd.microsoft.com.ucwa+xml',
    );
    expect(send.status).toBe(201);
    const res = await alice.s.get(alice.cursor, {
      headers: { Accept: 'application/vnd.microsoft.com.ucwa+xml' },
    });
    const batch = await res.text();
    expect(batch).toContain('rel="message"');
    expect(batch).toContain(formatDataUri('xml please').replace(/&/g, '&amp;'));
    alice.cursor = /rel="next" href="([^"]+)"/.exec(batch)?.[1]?.replace(/&amp;/g, '&') ?? '';
    await events(bob);
    expect((await alice.s.get(conv, { method: 'DELETE' })).status).toBe(204);
    expect((await events(alice)).list).toContain('communication:deleted:conversation');
    expect((await events(bob)).list).toContain('communication:deleted:conversation');
    expect((await alice.s.get(conv)).status).toBe(404);
  });
});
