import { describe, expect, it } from 'vitest';
import type { IncomingInvitation } from '../src/index.ts';
import { emulator } from './support/emulators.ts';
import { collector, deferred, dropApplication, signInUser } from './support/sessions.ts';

describe.each(['json', 'xml'] as const)('a joined meeting (%s)', (format) => {
  it('is left by leave(), though it has no messaging: the user is out of the roster', async () => {
    const server = await emulator();
    const alice = await signInUser(server.url, 'alice', format);
    const bob = await signInUser(server.url, 'bob', format);
    const meeting = await alice.meetings.create({
      subject: 'Leave',
      attendees: ['sip:bob@contoso.com'],
    });
    const uri = meeting.properties.onlineMeetingUri ?? '';
    const atAlice = await alice.meetings.join(uri);
    const atBob = await bob.meetings.join(uri);
    expect((await alice.read(atAlice.href, { fresh: true })).properties.participantCount).toBe(2);
    const ended = deferred<void>();
    atBob.onEnded(() => ended.resolve());
    await atBob.leave();
    await ended.promise;
    expect((await alice.read(atAlice.href, { fresh: true })).properties.participantCount).toBe(1);
    await alice.signOut();
    await bob.signOut();
  });

  it('that cannot be joined again after a loss ends; nobody who was in it is invited instead', async () => {
    const server = await emulator();
    const alice = await signInUser(server.url, 'alice', format);
    const bob = await signInUser(server.url, 'bob', format);
    for (const s of [alice, bob]) await s.makeMeAvailable({ supportedModalities: ['Messaging'] });
    const meeting = await bob.meetings.create({
      subject: 'Gone',
      attendees: ['sip:alice@contoso.com'],
    });
    const uri = meeting.properties.onlineMeetingUri ?? '';
    const atAlice = await alice.meetings.join(uri);
    // Alice's session sees bob come in: he is among the people her meeting had.
    const bobIn = deferred<void>();
    alice.on({ rel: 'participant', type: 'added' }, (event) => {
      if (event.link.href.endsWith('bob@contoso.com')) bobIn.resolve();
    });
    await bob.meetings.join(uri);
    await bobIn.promise;
    const invitations = collector<IncomingInvitation>();
    bob.messaging.onInvitation(invitations.push);
    const ended = deferred<void>();
    atAlice.onEnded(() => ended.resolve());
    // The organizer deletes the meeting: joining it again is refused (404).
    await bob.meetings.remove(meeting);
    const statuses = await dropApplication(server, alice);
    expect(await statuses.atLeast(2)).toEqual(['reconnecting', 'ready']);
    await ended.promise;
    // Given up, not turned into an instant message to bob, who was in the meeting.
    expect(invitations.items).toEqual([]);
    await alice.signOut();
    await bob.signOut();
  });
});
