import { createManualClock } from '@ucwa/emulator';
import { describe, expect, it } from 'vitest';
import type {
  ContactPresenceChange,
  IncomingInvitation,
  ReceivedMessage,
  SessionStatus,
} from '../src/index.ts';
import { emulator } from './support/emulators.ts';
import { collector, deferred, signInUser } from './support/sessions.ts';

describe.each(['json', 'xml'] as const)('a lost application (%s)', (format) => {
  it('is recreated: ready again, availability and subscriptions restored, no message lost', async () => {
    const clock = createManualClock(Date.UTC(2026, 0, 5, 9));
    const server = await emulator({ clock });
    const alice = await signInUser(server.url, 'alice', format);
    const bob = await signInUser(server.url, 'bob', format);
    await alice.makeMeAvailable({ supportedModalities: ['Messaging'] });
    await bob.makeMeAvailable({ supportedModalities: ['Messaging'] });
    const presence = collector<ContactPresenceChange>();
    alice.presence.onContactPresence(presence.push);
    await alice.presence.subscribe(['sip:bob@contoso.com']);
    clock.advance(5_000);
    await presence.atLeast(1);

    const invited = deferred<IncomingInvitation>();
    bob.messaging.onInvitation(invited.resolve);
    const started = alice.messaging.start({ to: 'sip:bob@contoso.com' });
    const atBob = await (await invited.promise).accept();
    const atAlice = await started;
    const received = collector<ReceivedMessage>();
    atAlice.onMessage(received.push);
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
