import { createManualClock } from '@ucwa/emulator';
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../src/index.ts';
import { aliceAndBob, collector } from './support/sessions.ts';

describe.each(['json', 'xml'] as const)('conversations after resume (%s)', (format) => {
  it('a two-party conversation the server dropped on resume is set up again under the same object', async () => {
    const clock = createManualClock(Date.UTC(2026, 0, 5, 9));
    const { server, alice, bob } = await aliceAndBob(format, { clock });
    const atBob = collector<Conversation>();
    bob.messaging.onInvitation(async (invitation) => {
      atBob.push(await invitation.accept());
    });
    const chat = await alice.messaging.start({ to: 'sip:bob@contoso.com', subject: 'Resume' });
    const [first] = await atBob.atLeast(1);
    const atAlice = collector<string>();
    chat.onMessage((m) => atAlice.push(m.text));
    await first?.send('before');
    expect(await atAlice.atLeast(1)).toEqual(['before']);
    const firstHref = chat.href;

    // alice's next P-GET is answered with `resume`: the server dropped her conversations.
    const app = new URL(alice.application.href, server.url).pathname;
    server.faults.add({ path: `${app}/events`, nth: 1, action: { type: 'resume' } });
    const left = collector<string>();
    bob.on({ rel: 'conversation', type: 'deleted' }, (e) => left.push(e.link.href));
    // The P-GET the server holds times out; the next one meets the fault, and the server
    // drops alice's conversations (bob's ends with it); its answer, `resume`, comes when
    // that P-GET times out in turn.
    clock.advance(180_000);
    await left.atLeast(1);
    clock.advance(180_000);
    const [, again] = await atBob.atLeast(2);
    const atBobAgain = collector<string>();
    again?.onMessage((m) => atBobAgain.push(m.text));
    await chat.send('after');
    expect(chat.href).not.toBe(firstHref);
    expect(await atBobAgain.atLeast(1)).toEqual(['after']);
    await again?.send('back');
    expect(await atAlice.atLeast(2)).toEqual(['before', 'back']);
    await alice.signOut();
    await bob.signOut();
  });
});
