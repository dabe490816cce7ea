import { afterEach, describe, expect, it } from 'vitest';
import {
  type EventsBody,
  eventList,
  type Harness,
  local,
  type Session,
  signIn,
  untilPending,
} from './helpers.ts';

let h: Harness;
afterEach(async () => {
  await h?.server.close();
});

type Event = EventsBody['sender'][number]['events'][number] & { status?: string };

/**
 * The events `act` causes on `s`'s channel from `href`, over as many P-GETs as it takes
 * until one `until` (`type:rel`) arrives; and the href to continue from.
 */
async function events(
  s: Session,
  href: string,
  act: () => Promise<void>,
  until: string,
): Promise<{ body: EventsBody; next: string }> {
  let pending = s.get(href);
  await untilPending(h.clock);
  await act();
  const sender: EventsBody['sender'] = [];
  for (let round = 0; round < 10; round++) {
    h.clock.advance(5_000);
    const body = (await (await pending).json()) as EventsBody;
    sender.push(...body.sender);
    const next = body._links.next?.href ?? '';
    if (body.sender.some((x) => x.events.some((e) => `${e.type}:${e.link.rel}` === until)))
      return { body: { ...body, sender }, next };
    pending = s.get(next);
  }
  throw new Error(`no ${until} event came`);
}

const join = (s: Session, body: Record<string, string>) =>
  s.post(`${s.appHref}/communication/onlineMeetingInvitations`, body);

function find(body: EventsBody, type: string, rel: string): Event | undefined {
  for (const sender of body.sender)
    for (const event of sender.events)
      if (event.type === type && event.link.rel === rel) return event;
  return undefined;
}

async function scheduled(s: Session): Promise<string> {
  const created = await s.post(`${s.appHref}/onlineMeetings/myOnlineMeetings`, {
    subject: 'Review',
    attendees: ['sip:bob@contoso.com'],
  });
  const meeting = (await created.json()) as { onlineMeetingUri: string };
  return meeting.onlineMeetingUri;
}

describe('joinOnlineMeeting', () => {
  it('joins a meeting that exists: 201, invitation started, conversation, roster, completed', async () => {
    h = await local();
    const alice = await signIn(h, 'alice@contoso.com');
    const bob = await signIn(h, 'bob@contoso.com');
    const uri = await scheduled(alice);
    expect(uri).toMatch(/^sip:alice@contoso\.com;gruu;opaque=app:conf:focus:id:/);
    const embedded = bob.app._embedded as unknown as Record<string, { _links: object }>;
    const communication = embedded.communication;
    expect(communication?._links).toMatchObject({
      joinOnlineMeeting: { href: expect.any(String) },
    });

    let answer: Response | undefined;
    const atBob = await events(
      bob,
      bob.eventsHref,
      async () => {
        answer = await join(bob, { onlineMeetingUri: uri, operationId: 'op-1', subject: 'Review' });
      },
      'completed:onlineMeetingInvitation',
    );
    expect(answer?.status).toBe(201);
    const location = answer?.headers.get('Location') ?? '';
    expect(location).toMatch(/\/communication\/onlineMeetingInvitations\/\w+$/);
    expect(eventList(atBob.body)).toEqual([
      'communication:started:onlineMeetingInvitation',
      'communication:added:conversation',
      'conversation:added:localParticipant',
      'communication:updated:conversation',
      'communication:completed:onlineMeetingInvitation',
    ]);
    const completed = find(atBob.body, 'completed', 'onlineMeetingInvitation');
    expect(completed?.status).toBe('Success');
    const invitation = await (await bob.get(location)).json();
    expect(invitation).toMatchObject({
      direction: 'Outgoing',
      state: 'Connected',
      operationId: 'op-1',
      onlineMeetingUri: uri,
      _links: { conversation: { href: expect.any(String) } },
    });
    const conversation = await (await bob.get(invitation._links.conversation.href)).json();
    expect(conversation).toMatchObject({ state: 'Connected', onlineMeetingUri: uri });

    // Alice joins the same meeting: each sees the other in the roster.
    let aliceAnswer: Response | undefined;
    const seenByBob = await events(
      bob,
      atBob.next,
      async () => {
        aliceAnswer = await join(alice, { onlineMeetingUri: uri });
      },
      'added:participant',
    );
    expect(aliceAnswer?.status).toBe(201);
    expect(eventList(seenByBob.body)).toContain('conversation:added:participant');
    const participants = await (
      await bob.get(`${invitation._links.conversation.href}/participants`)
    ).json();
    expect(JSON.stringify(participants)).toContain('alice@contoso.com');
  });

  it('refuses a meeting that does not exist with 404 DestinationNotFound', async () => {
    h = await local();
    const bob = await signIn(h, 'bob@contoso.com');
    const res = await join(bob, {
      onlineMeetingUri: 'sip:alice@contoso.com;gruu;opaque=app:conf:focus:id:NOSUCH',
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'NotFound', subcode: 'DestinationNotFound' });
  });

  it('without a URI (startOnlineMeeting) opens an ad hoc meeting others can join', async () => {
    h = await local();
    const alice = await signIn(h, 'alice@contoso.com');
    const carol = await signIn(h, 'carol@contoso.com');
    const res = await alice.post(
      `${alice.appHref}/communication/onlineMeetingInvitations?onlineMeetingUri=adhoc`,
      {},
    );
    expect(res.status).toBe(201);
    const invitation = await (await alice.get(res.headers.get('Location') ?? '')).json();
    expect(invitation.onlineMeetingUri).toMatch(
      /^sip:alice@contoso\.com;gruu;opaque=app:conf:focus:id:/,
    );
    expect((await join(carol, { onlineMeetingUri: invitation.onlineMeetingUri })).status).toBe(201);
  });

  it('a meeting goes on when the others leave it', async () => {
    h = await local();
    const alice = await signIn(h, 'alice@contoso.com');
    const bob = await signIn(h, 'bob@contoso.com');
    const uri = await scheduled(alice);
    const atBob = await (
      await bob.get((await join(bob, { onlineMeetingUri: uri })).headers.get('Location') ?? '')
    ).json();
    await join(alice, { onlineMeetingUri: uri });
    await alice.get(alice.appHref, { method: 'DELETE' });
    const conversation = await bob.get(atBob._links.conversation.href);
    expect(conversation.status).toBe(200);
    expect(await conversation.json()).toMatchObject({ state: 'Connected', participantCount: 1 });
  });
});
