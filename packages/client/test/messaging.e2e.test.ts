import { createManualClock } from '@ucwa/emulator';
import { describe, expect, it } from 'vitest';
import type { IncomingInvitation, ReceivedMessage, TypingChange } from '../src/index.ts';
import { aliceAndBob, collector, deferred } from './support/sessions.ts';

const ROUNDS = 100;

describe.each(['json', 'xml'] as const)('messaging between alice and bob (%s)', (format) => {
  it('starts, accepts and exchanges 100 messages each way, each once and in order', async () => {
    const { alice, bob } = await aliceAndBob(format, {
      available: { supportedModalities: ['Messaging'], supportedMessageFormats: ['Plain', 'Html'] },
      clock: createManualClock(Date.UTC(2026, 0, 5, 9)),
    });

    const invited = deferred<IncomingInvitation>();
    bob.messaging.onInvitation(invited.resolve);
    const started = alice.messaging.start({
      to: 'sip:bob@contoso.com',
      subject: 'Lunch',
      message: 'Hi <b>Bob</b>',
      html: true,
    });
    const invitation = await invited.promise;
    expect(invitation.subject).toBe('Lunch');
    expect(invitation.message).toEqual({ text: 'Hi <b>Bob</b>', html: true });
    const atBob = collector<ReceivedMessage>();
    const bobConversation = await invitation.accept();
    bobConversation.onMessage(atBob.push);
    const aliceConversation = await started;
    const atAlice = collector<ReceivedMessage>();
    const typingAtBob = collector<TypingChange>();
    aliceConversation.onMessage(atAlice.push);
    bobConversation.onTyping(typingAtBob.push);

    for (let i = 0; i < ROUNDS; i++) {
      await aliceConversation.setTyping();
      await aliceConversation.send(`a${i}`);
      await bobConversation.send(`b${i}`, { html: i % 2 === 1 });
    }
    // The invitation's first message is delivered as a message once accepted (ReceiveAnIM.md).
    const fromAlice = await atBob.atLeast(ROUNDS + 1);
    const fromBob = await atAlice.atLeast(ROUNDS);
    expect(fromAlice.map((m) => m.text)).toEqual([
      'Hi <b>Bob</b>',
      ...Array.from({ length: ROUNDS }, (_, i) => `a${i}`),
    ]);
    expect(fromBob.map((m) => m.text)).toEqual(Array.from({ length: ROUNDS }, (_, i) => `b${i}`));
    expect(fromBob.map((m) => m.html)).toEqual(
      Array.from({ length: ROUNDS }, (_, i) => i % 2 === 1),
    );
    expect(new Set(fromAlice.map((m) => m.href)).size).toBe(ROUNDS + 1);
    // Typing started before each message and stopped by it.
    const typing = await typingAtBob.atLeast(2 * ROUNDS);
    expect(typing.slice(0, 2).map((t) => t.typing)).toEqual([true, false]);

    // Leaving ends messaging, and with no modality left the conversation: the server
    // refuses another message.
    await aliceConversation.leave();
    const late = await aliceConversation.send('too late').catch((e: unknown) => e);
    expect(late).toMatchObject({ name: 'UcwaHttpError', status: 404 });
    await alice.signOut();
    await bob.signOut();
  }, 60_000);
});
