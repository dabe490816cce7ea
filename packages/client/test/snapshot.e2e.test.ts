import { createManualClock } from '@ucwa/emulator';
import { describe, expect, it } from 'vitest';
import {
  type IncomingInvitation,
  type ReceivedMessage,
  resumeSession,
  type SessionSnapshot,
} from '../src/index.ts';
import { aliceAndBob, collector, deferred } from './support/sessions.ts';

describe.each(['json', 'xml'] as const)('snapshot and resumeSession (%s)', (format) => {
  it('continues the same application and event stream in a fresh session, losing no message', async () => {
    const { server, alice, bob } = await aliceAndBob(format, {
      clock: createManualClock(Date.UTC(2026, 0, 5, 9)),
    });
    const invited = deferred<IncomingInvitation>();
    bob.messaging.onInvitation(invited.resolve);
    const started = alice.messaging.start({ to: 'sip:bob@contoso.com' });
    const atBob = await (await invited.promise).accept();
    const atAlice = await started;
    const before = collector<ReceivedMessage>();
    atAlice.onMessage(before.push);
    for (let i = 0; i < 5; i++) await atBob.send(`m${i}`);
    await before.atLeast(5);

    // The snapshot goes through JSON, as it would to disk, and holds no secret.
    const saved = JSON.stringify(alice.snapshot());
    expect(saved).not.toContain('demo');
    await alice.detach();
    expect(alice.status).toEqual({ state: 'signedOut', reason: { kind: 'detached' } });
    for (let i = 5; i < 10; i++) await atBob.send(`m${i}`);

    const snapshot: SessionSnapshot = JSON.parse(saved);
    const resumed = await resumeSession(snapshot, {
      discoveryUrl: `${server.url}/`,
      credentials: { username: 'alice@contoso.com', password: 'demo' },
      format,
      ...(format === 'xml' ? { codecs: { xml: await import('@ucwa/codec-xml') } } : {}),
    });
    const after = collector<ReceivedMessage>();
    resumed.messaging.conversation(atAlice.href).onMessage(after.push);
    // The same messages, seen by the session-wide subscription with their conversation.
    const anywhere = collector<string>();
    resumed.messaging.onMessage((message, conversation) =>
      anywhere.push(`${conversation.href} ${message.text}`),
    );
    expect(resumed.application.href).toBe(alice.application.href);
    for (let i = 10; i < 12; i++) await atBob.send(`m${i}`);
    const texts = (await after.atLeast(7)).map((m) => m.text);
    expect(texts).toEqual(['m5', 'm6', 'm7', 'm8', 'm9', 'm10', 'm11']);
    expect(await anywhere.atLeast(7)).toEqual(texts.map((t) => `${atAlice.href} ${t}`));
    expect(before.items.map((m) => m.text)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    await resumed.signOut();
    await bob.signOut();
  });
});
