import { createManualClock } from '@ucwa/emulator';
import { describe, expect, it } from 'vitest';
import { type ReceivedMessage, UcwaDocumentedError, UcwaOperationError } from '../src/index.ts';
import { emulator } from './support/emulators.ts';
import { collector, dropApplication, signInUser, until } from './support/sessions.ts';

describe.each(['json', 'xml'] as const)('meetings.join against the emulator (%s)', (format) => {
  it('joins a scheduled meeting: resolves with the meeting conversation once in the roster', async () => {
    const server = await emulator();
    const alice = await signInUser(server.url, 'alice', format);
    const bob = await signInUser(server.url, 'bob', format);
    const meeting = await alice.meetings.create({
      subject: 'Review',
      attendees: ['sip:bob@contoso.com'],
    });
    const uri = meeting.properties.onlineMeetingUri ?? '';
    expect(uri).toMatch(/^sip:alice@contoso\.com;gruu;opaque=app:conf:focus:id:/);

    const progress: string[] = [];
    bob.on({ rel: 'onlineMeetingInvitation' }, (event) => {
      progress.push(event.type);
    });
    const reported: string[] = [];
    const atBob = await bob.meetings.join(uri, {
      onProgress: (p) => reported.push(`${p.event.type} ${p.event.link.rel}`),
    });
    expect(reported).toEqual(['started onlineMeetingInvitation']);
    // The same helper object messaging gives: its conversation is connected, in the meeting.
    expect((await atBob.resource()).properties).toMatchObject({
      state: 'Connected',
      onlineMeetingUri: uri,
    });
    await until(() => progress.length >= 2);
    expect(progress).toEqual(['started', 'completed']);
    expect(bob.messaging.conversation(atBob.href).href).toBe(atBob.href);

    // Alice joins her own meeting too; the two exchange a message (messaging is added to the
    // meeting conversation on first use).
    const atAlice = await alice.meetings.join(uri);
    expect((await atAlice.resource()).properties.participantCount).toBe(2);
    const atBobMessages = collector<string>();
    atBob.onMessage((m) => atBobMessages.push(m.text));
    await atBob.send('bob here');
    await atAlice.send('hello meeting');
    expect(await atBobMessages.atLeast(1)).toEqual(['hello meeting']);

    // A meeting that does not exist is refused at once, as joinOnlineMeeting_ref.md documents.
    const missing = 'sip:alice@contoso.com;gruu;opaque=app:conf:focus:id:NOSUCH';
    const refused = await bob.meetings.join(missing).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UcwaDocumentedError);
    expect(refused).toMatchObject({ status: 404, subcode: 'DestinationNotFound' });
    await alice.signOut();
    await bob.signOut();
  });

  it('a meeting conversation is joined again after the application is lost, under the same object', async () => {
    const clock = createManualClock(Date.UTC(2026, 0, 5, 9));
    const server = await emulator({ clock });
    const alice = await signInUser(server.url, 'alice', format);
    const bob = await signInUser(server.url, 'bob', format);
    await alice.makeMeAvailable({ supportedModalities: ['Messaging'] });
    await bob.makeMeAvailable({ supportedModalities: ['Messaging'] });
    const meeting = await bob.meetings.create({ subject: 'Standup' });
    const uri = meeting.properties.onlineMeetingUri ?? '';
    const atBob = await bob.meetings.join(uri);
    const atAlice = await alice.meetings.join(uri);
    const atAliceMessages = collector<ReceivedMessage>();
    atAlice.onMessage(atAliceMessages.push);
    const atBobMessages = collector<string>();
    atBob.onMessage((m) => atBobMessages.push(m.text));
    // Messaging is added to a meeting conversation on its first use (here, typing).
    await atAlice.setTyping();
    await atBob.send('hi alice');
    await atAlice.send('before');
    expect((await atAliceMessages.atLeast(1)).map((m) => m.text)).toEqual(['hi alice']);
    expect(await atBobMessages.atLeast(1)).toEqual(['before']);
    const firstHref = atAlice.href;

    const statuses = await dropApplication(server, alice);
    expect(await statuses.atLeast(2)).toEqual(['reconnecting', 'ready']);

    // The same object, on a new conversation of the same meeting, with messaging back.
    await atAlice.send('after');
    expect(atAlice.href).not.toBe(firstHref);
    expect((await atAlice.resource()).properties).toMatchObject({
      state: 'Connected',
      onlineMeetingUri: uri,
    });
    expect(await atBobMessages.atLeast(2)).toEqual(['before', 'after']);
    await atBob.send('welcome back');
    expect((await atAliceMessages.atLeast(2)).map((m) => m.text)).toEqual([
      'hi alice',
      'welcome back',
    ]);
    await alice.signOut();
    await bob.signOut();
  });
});

describe('conversation.addParticipant', () => {
  it('reports the progress of messaging.start; rejects with UcwaOperationError (exported by @ucwa/client) when the invitee declines', async () => {
    const server = await emulator();
    const alice = await signInUser(server.url, 'alice');
    const bob = await signInUser(server.url, 'bob');
    const carol = await signInUser(server.url, 'carol');
    for (const s of [alice, bob, carol])
      await s.makeMeAvailable({ supportedModalities: ['Messaging'] });
    bob.messaging.onInvitation(async (invitation) => {
      await invitation.accept();
    });
    carol.messaging.onInvitation(async (invitation) => {
      expect(invitation.onlineMeetingUri).toMatch(/;gruu;opaque=app:conf:focus:id:/);
      await invitation.decline();
    });
    const reported: string[] = [];
    const chat = await alice.messaging.start({
      to: 'sip:bob@contoso.com',
      subject: 'Trio',
      onProgress: (p) => reported.push(`${p.event.type} ${p.event.link.rel}`),
    });
    expect(reported).toEqual(['started messagingInvitation']);
    const refused = await chat.addParticipant('sip:carol@contoso.com').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UcwaOperationError);
    expect(refused).toMatchObject({ reason: { subcode: 'Declined' } });
    expect((await chat.resource()).properties.state).toBe('Connected');
    await alice.signOut();
    await bob.signOut();
    await carol.signOut();
  });
});
