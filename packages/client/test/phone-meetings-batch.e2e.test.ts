import { createManualClock } from '@ucwa/emulator';
import type { FetchLike } from '@ucwa/transport';
import { describe, expect, it } from 'vitest';
import { signIn } from '../src/index.ts';
import { emulator } from './support/emulators.ts';
import { deferred, signInUser } from './support/sessions.ts';

/** A fetch that tells when an answer to a URL matching `pattern` came back. */
function watchedFetch(pattern: RegExp) {
  const answered = deferred<number>();
  const fetch: FetchLike = async (request, init) => {
    const response = await globalThis.fetch(request, init);
    if (pattern.test(request.url)) answered.resolve(response.status);
    return response;
  };
  return { fetch, answered: answered.promise };
}

describe('phoneAudio', () => {
  it('calls via work: Connecting, then Connected, with hold and stop offered by links', async () => {
    const clock = createManualClock(Date.UTC(2026, 0, 5, 9));
    const server = await emulator({ clock });
    const net = watchedFetch(/phoneAudioInvitations$/);
    const alice = await signIn({
      discoveryUrl: `${server.url}/`,
      credentials: { username: 'alice@contoso.com', password: 'demo' },
      application: { userAgent: 'client-test/phone' },
      fetch: net.fetch,
    });
    await alice.makeMeAvailable({
      supportedModalities: ['PhoneAudio'],
      phoneNumber: 'tel:+14255550100',
    });
    const progress: string[] = [];
    const calling = alice.phoneAudio.call({
      to: 'tel:+14255551234',
      phoneNumber: 'tel:+14255550100',
      onProgress: (p) => progress.push(`${p.event.type} ${p.event.link.rel}`),
    });
    expect(await net.answered).toBe(201);
    clock.advance(2_000);
    const conversation = await calling;
    expect(progress).toEqual(['started phoneAudioInvitation']);
    const connected = await alice.phoneAudio.state(conversation);
    expect(connected.state).toBe('Connected');
    expect(connected.actions).toEqual(['holdPhoneAudio', 'stopPhoneAudio']);
    await alice.phoneAudio.run(conversation, 'holdPhoneAudio');
    expect((await alice.phoneAudio.state(conversation)).actions).toEqual([
      'resumePhoneAudio',
      'stopPhoneAudio',
    ]);
    // Stopping the only modality ends the conversation on the server.
    expect((await alice.phoneAudio.run(conversation, 'stopPhoneAudio')).status).toBe(204);
    await alice.signOut();
  });
});

describe('online meetings', () => {
  it('creates, updates with a conditional PUT, lists and deletes a meeting', async () => {
    const server = await emulator();
    const alice = await signInUser(server.url, 'alice');
    const created = await alice.meetings.create({
      subject: 'Design review',
      attendees: ['sip:bob@contoso.com'],
      accessLevel: 'Everyone',
    });
    expect(created.properties.subject).toBe('Design review');
    expect(created.etag).toBeDefined();
    const updated = await alice.meetings.update(created, { subject: 'Design review, part 2' });
    expect(updated.properties.subject).toBe('Design review, part 2');
    expect(updated.etag).not.toBe(created.etag);
    const listed = await alice.meetings.list();
    expect(listed.map((m) => m.properties.subject)).toContain('Design review, part 2');
    await alice.meetings.remove(updated);
    const after = await alice.meetings.list();
    expect(after.map((m) => m.href)).not.toContain(updated.href);
    await alice.signOut();
  });
});

describe('batch', () => {
  it('reads many resources in one multipart/batching request and stores them', async () => {
    const server = await emulator();
    const net = watchedFetch(/\/batch$/);
    const alice = await signIn({
      discoveryUrl: `${server.url}/`,
      credentials: { username: 'alice@contoso.com', password: 'demo' },
      application: { userAgent: 'client-test/batch' },
      fetch: net.fetch,
    });
    const me = await alice.me();
    const people = alice.application.embedded.people;
    const hrefs = [me.href, people?.links.myGroups?.href, people?.links.myContacts?.href].filter(
      (h): h is string => h !== undefined,
    );
    expect(hrefs).toHaveLength(3);
    const results = await alice.batch(hrefs);
    expect(await net.answered).toBe(200);
    expect(results.map((r) => r.ok && r.resource?.rel)).toEqual(['me', 'myGroups', 'myContacts']);
    expect(alice.store.peek(hrefs[2] ?? '')?.rel).toBe('myContacts');
    await alice.signOut();
  });
});
