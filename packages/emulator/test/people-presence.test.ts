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

async function available(s: Session): Promise<void> {
  const res = await s.post(`${s.appHref}/me/makeMeAvailable`, { signInAs: 'Online' });
  expect(res.status).toBe(204);
}

/** One P-GET on `href`: waits until it is pending, runs `act`, advances `ms`, returns the batch. */
async function pget(
  s: Session,
  href: string,
  act: () => Promise<void> = async () => {},
  ms = 5_000,
): Promise<EventsBody> {
  const pending = s.get(href);
  await untilPending(h.clock);
  await act();
  h.clock.advance(ms);
  return (await (await pending).json()) as EventsBody;
}

const next = (body: EventsBody): string => body._links.next?.href ?? '';
const linkHrefs = (body: EventsBody): string[] =>
  body.sender.flatMap((s) => s.events.map((e) => e.link.href));

describe('presence subscriptions', () => {
  it('sends contactPresence updates to the subscriber until she deletes the subscription', async () => {
    h = await local();
    const alice = await signIn(h, 'alice@contoso.com');
    const bob = await signIn(h, 'bob@contoso.com');
    await available(bob);
    const people = `${alice.appHref}/people`;

    // Subscribe (SubscribeToThePresenceOfSelectedContacts.md): 201 and three events.
    const created = await alice.post(`${people}/presenceSubscriptions`, {
      duration: 11,
      Uris: ['sip:bob@contoso.com'],
    });
    expect(created.status).toBe(201);
    const sub = (await created.json()) as { id: string; _links: Record<string, { href: string }> };
    expect(sub._links.self?.href).toBe(`${people}/presenceSubscriptions/${sub.id}`);
    expect(sub._links.memberships?.href).toBe(
      `${people}/presenceSubscriptionMemberships?presenceSubscriptionId=${sub.id}`,
    );
    const first = await pget(alice, alice.eventsHref);
    expect(eventList(first)).toEqual([
      'people:added:contact',
      'people:added:presenceSubscription',
      'people:updated:contactPresence',
    ]);
    expect(first.sender[0]?.href).toBe(people);
    expect(first.sender[0]?.events[2]).toMatchObject({
      link: { rel: 'contactPresence', href: `${people}/bob@contoso.com/presence` },
      in: { rel: 'contact', href: `${people}/bob@contoso.com` },
    });
    expect(
      (await (await alice.get(`${people}/subscribedContacts`)).json()) as unknown,
    ).toMatchObject({ _links: { contact: [{ href: `${people}/bob@contoso.com` }] } });

    // Bob's presence and note change: alice hears of both.
    const second = await pget(alice, next(first), async () => {
      expect((await bob.post(`${bob.appHref}/me/presence`, { availability: 'Busy' })).status).toBe(
        204,
      );
      expect((await bob.post(`${bob.appHref}/me/note`, { message: 'In a meeting' })).status).toBe(
        204,
      );
    });
    expect(eventList(second)).toEqual([
      'people:updated:contactPresence',
      'people:updated:contactNote',
    ]);
    expect(await (await alice.get(`${people}/bob@contoso.com/presence`)).json()).toMatchObject({
      rel: 'contactPresence',
      availability: 'Busy',
      activity: 'Busy',
      deviceType: 'PC',
    });
    expect(await (await alice.get(`${people}/bob@contoso.com/note`)).json()).toMatchObject({
      message: 'In a meeting',
    });

    // Delete (DeleteAPresenceSubscription.md): 204, contact and subscription deleted events.
    const third = await pget(alice, next(second), async () => {
      const res = await alice.get(`${people}/presenceSubscriptions/${sub.id}`, {
        method: 'DELETE',
      });
      expect(res.status).toBe(204);
    });
    expect(eventList(third)).toEqual([
      'people:deleted:contact',
      'people:deleted:presenceSubscription',
    ]);
    // Nothing more reaches alice: the next P-GET times out empty.
    const fourth = await pget(
      alice,
      next(third),
      async () => {
        await bob.post(`${bob.appHref}/me/presence`, { availability: 'Away' });
      },
      180_000,
    );
    expect(fourth.sender).toEqual([]);
    expect((await alice.get(`${people}/presenceSubscriptions/${sub.id}`)).status).toBe(404);
  });

  it('adds and removes memberships, subscribes to a group, and lapses after its duration', async () => {
    h = await local();
    const alice = await signIn(h, 'alice@contoso.com');
    const carol = await signIn(h, 'carol@contoso.com');
    await available(carol);
    const people = `${alice.appHref}/people`;
    const sub = (await (
      await alice.post(`${people}/presenceSubscriptions`, { duration: 1, uris: [] })
    ).json()) as { id: string; _links: Record<string, { href: string }> };
    const added = await alice.post(sub._links.addToPresenceSubscription?.href ?? '', {
      contactUris: ['"sip:carol@contoso.com"'],
    });
    expect(added.status).toBe(201);
    const memberships = (await added.json()) as {
      rel: string;
      _embedded: { presenceSubscriptionMembership: { _links: Record<string, { href: string }> }[] };
    };
    expect(memberships.rel).toBe('presenceSubscriptionMemberships');
    const membership = memberships._embedded.presenceSubscriptionMembership[0]?._links;
    expect(membership?.contact?.href).toBe(`${people}/carol@contoso.com`);
    const first = await pget(alice, alice.eventsHref, async () => {
      await carol.post(`${carol.appHref}/me/location`, { location: 'Lab' });
    });
    expect(eventList(first)).toEqual([
      'people:added:presenceSubscription',
      'people:added:contact',
      'people:updated:contactPresence',
      'people:updated:contactLocation',
    ]);
    const removed = await alice.get(membership?.self?.href ?? '', { method: 'DELETE' });
    expect(removed.status).toBe(204);

    // A group subscription covers the group's members (subscribeToGroupPresence).
    const group = await alice.post(
      `${people}/presenceSubscriptions?groupId=group1&duration=5`,
      undefined,
    );
    expect(group.status).toBe(201);
    const second = await pget(alice, next(first));
    expect(eventList(second)).toEqual([
      'people:deleted:contact',
      'people:added:contact',
      'people:added:contact',
      'people:added:presenceSubscription',
      'people:updated:contactPresence',
      'people:updated:contactPresence',
    ]);
    expect(linkHrefs(second).slice(1, 3)).toEqual([
      `${people}/bob@contoso.com`,
      `${people}/carol@contoso.com`,
    ]);
    // Extending keeps the first subscription alive; letting both lapse ends them.
    const extended = await alice.post(
      `${people}/presenceSubscriptions/${sub.id}?duration=10`,
      undefined,
    );
    expect(extended.status).toBe(200);
    h.clock.advance(6 * 60_000);
    expect((await alice.get(`${people}/presenceSubscriptions/${sub.id}`)).status).toBe(200);
    h.clock.advance(5 * 60_000);
    expect((await alice.get(`${people}/presenceSubscriptions/${sub.id}`)).status).toBe(404);
    const third = await pget(
      alice,
      next(second),
      async () => {
        await carol.post(`${carol.appHref}/me/presence`, { availability: 'Away' });
      },
      180_000,
    );
    expect(third.sender).toEqual([]);
  });

  it('validates the POST body (duration and uris)', async () => {
    h = await local();
    const alice = await signIn(h, 'alice@contoso.com');
    const res = await alice.post(`${alice.appHref}/people/presenceSubscriptions`, {
      uris: ['sip:bob@contoso.com'],
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      subcode: 'ParameterValidationFailure',
      parameters: [{ name: 'duration' }],
    });
    const unknownGroup = await alice.post(
      `${alice.appHref}/people/presenceSubscriptions?groupId=nope&duration=5`,
      undefined,
    );
    expect(unknownGroup.status).toBe(404);
  });
});
