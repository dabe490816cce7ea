import { createManualClock } from '@ucwa/emulator';
import { describe, expect, it } from 'vitest';
import type {
  ContactPresenceChange,
  Conversation,
  IncomingInvitation,
  ReceivedMessage,
  SessionStatus,
} from '../src/index.ts';
import { aliceAndBob, collector, deferred, dropApplication } from './support/sessions.ts';

/**
 * Alice and bob signed in on a manual clock, alice subscribed to bob's presence and its
 * first report in (a Medium event: the server holds it for the 5 s aggregation window).
 */
async function aliceWatchingBob(format: 'json' | 'xml') {
  const clock = createManualClock(Date.UTC(2026, 0, 5, 9));
  const { server, alice, bob } = await aliceAndBob(format, { clock });
  const presence = collector<ContactPresenceChange>();
  alice.presence.onContactPresence(presence.push);
  await alice.presence.subscribe(['sip:bob@contoso.com']);
  clock.advance(5_000);
  await presence.atLeast(1);
  return { clock, server, alice, bob, presence };
}

describe.each(['json', 'xml'] as const)('a lost application (%s)', (format) => {
  it('dropped for good mid-conversation: recreated, availability, subscriptions and the conversation restored, no message lost', async () => {
    const { clock, server, alice, bob, presence } = await aliceWatchingBob(format);

    // Bob accepts every invitation: the first one, and alice's again after her loss.
    const invitations = collector<IncomingInvitation>();
    const atBob = collector<Conversation>();
    bob.messaging.onInvitation(async (invitation) => {
      invitations.push(invitation);
      atBob.push(await invitation.accept());
    });
    const atBobAll = collector<string>();
    bob.messaging.onMessage((message) => atBobAll.push(message.text));
    const atAlice = await alice.messaging.start({ to: 'sip:bob@contoso.com', subject: 'Plans' });
    const received = collector<string>();
    atAlice.onMessage((message) => received.push(message.text));
    const statuses = collector<SessionStatus['state']>();
    alice.onStatus((s) => statuses.push(s.state));
    const [firstAtBob] = await atBob.atLeast(1);
    await firstAtBob?.send('before');
    await atAlice.send('to bob before');
    await received.atLeast(1);
    const firstHref = atAlice.href;

    // The server loses alice's application: her waiting P-GET is answered 404 at once.
    const policies = alice.application.links.policies?.href ?? '';
    const appPath = new URL(alice.application.href, server.url).pathname;
    server.faults.add({ path: `${appPath}/policies`, action: { type: 'dropApplication' } });
    await expect(alice.transport.get(policies)).rejects.toThrow(/ApplicationNotFound/);
    await statuses.atLeast(1);
    // Sent while alice is reconnecting: it waits for the conversation to be set up again.
    const during = atAlice.send('to bob during');
    expect(await statuses.atLeast(2)).toEqual(['reconnecting', 'ready']);

    // The same conversation object of alice's, on a new server conversation with bob.
    const [, again] = await atBob.atLeast(2);
    expect((await invitations.atLeast(2))[1]?.subject).toBe('Plans');
    await during;
    expect(atAlice.href).not.toBe(firstHref);
    await again?.send('after');
    expect(await received.atLeast(2)).toEqual(['before', 'after']);
    expect(await atBobAll.atLeast(2)).toEqual(['to bob before', 'to bob during']);

    expect((await alice.presence.get()).properties.availability).toBe('Online');
    await bob.presence.setAvailability('DoNotDisturb');
    clock.advance(5_000);
    const changes = await presence.atLeast(3);
    expect(changes.at(-1)?.availability).toBe('DoNotDisturb');
    await alice.signOut();
    await bob.signOut();
  });

  it('refused once but still there (the same application back): ready again, the cursor continued, no message lost', async () => {
    const { clock, server, alice, bob, presence } = await aliceWatchingBob(format);

    const invited = deferred<IncomingInvitation>();
    bob.messaging.onInvitation(invited.resolve);
    const started = alice.messaging.start({ to: 'sip:bob@contoso.com' });
    const atBob = await (await invited.promise).accept();
    const atAlice = await started;
    const received = collector<ReceivedMessage>();
    atAlice.onMessage(received.push);
    const conversationHref = atAlice.href;
    const statuses = collector<SessionStatus['state']>();
    alice.onStatus((s) => statuses.push(s.state));

    await atBob.send('before');
    await received.atLeast(1);
    const appPath = new URL(alice.application.href, server.url).pathname;
    server.faults.add({
      path: `${appPath}/events`,
      nth: 1,
      action: { type: 'applicationNotFound' },
    });
    // This message releases alice's waiting P-GET; the next one meets the fault.
    await atBob.send('during 1');
    await statuses.atLeast(2);
    await atBob.send('during 2');
    expect(await statuses.atLeast(2)).toEqual(['reconnecting', 'ready']);
    await atBob.send('after');
    const texts = (await received.atLeast(4)).map((m) => m.text);
    expect(texts).toEqual(['before', 'during 1', 'during 2', 'after']);
    // The conversation still stood: it was kept, not set up again.
    expect(atAlice.href).toBe(conversationHref);

    // Availability and the presence subscription came back with the new application.
    expect((await alice.presence.get()).properties.availability).toBe('Online');
    await bob.presence.setAvailability('DoNotDisturb');
    clock.advance(5_000);
    const changes = await presence.atLeast(3);
    expect(changes.at(-1)?.availability).toBe('DoNotDisturb');
    await alice.signOut();
    await bob.signOut();
  });
});

describe('a conversation set up again after a loss', () => {
  it('that the other side declines is given up: the send waiting for it rejects', async () => {
    const { server, alice, bob } = await aliceAndBob();
    const invitations = collector<IncomingInvitation>();
    bob.messaging.onInvitation(async (invitation) => {
      invitations.push(invitation);
      // The first invitation is accepted, the one after alice's loss declined.
      if (invitations.items.length === 1) await invitation.accept();
      else await invitation.decline();
    });
    const conversation = await alice.messaging.start({ to: 'sip:bob@contoso.com' });
    const statuses = await dropApplication(server, alice);
    await statuses.atLeast(1);
    const sent = conversation.send('are you there?');
    expect(await statuses.atLeast(2)).toEqual(['reconnecting', 'ready']);
    await expect(sent).rejects.toMatchObject({ name: 'UcwaOperationError' });
    await invitations.atLeast(2);
    await alice.signOut();
    await bob.signOut();
  });
});
