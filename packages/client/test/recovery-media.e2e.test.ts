import { createManualClock } from '@ucwa/emulator';
import { describe, expect, it } from 'vitest';
import type { AudioVideoAction, AudioVideoState, Conversation } from '../src/index.ts';
import { aliceAndBob, collector, dropApplication, until } from './support/sessions.ts';

const MEDIA_CONNECT_MS = 2_000;

describe.each([
  ['json', 'addAudioVideo', ['stopAudio', 'stopVideo']],
  ['xml', 'addAudio', ['stopAudio']],
] as const)('audioVideo after a lost application (%s, %s)', (format, action, stops) => {
  it('comes back as it was on the restored conversation, and the AudioVideo object follows it', async () => {
    const clock = createManualClock(Date.UTC(2026, 0, 5, 9));
    const { server, alice, bob } = await aliceAndBob(format, {
      available: { supportedModalities: ['Messaging', 'Audio', 'Video'] },
      clock,
    });
    const atBob = collector<Conversation>();
    bob.messaging.onInvitation(async (invitation) => {
      atBob.push(await invitation.accept());
    });
    const chat = await alice.messaging.start({ to: 'sip:bob@contoso.com', subject: 'Call' });
    const av = await chat.audioVideo();
    const seen = collector<AudioVideoState>();
    av.onChange(seen.push);
    await av.run(action, { to: 'sip:bob@contoso.com' });
    clock.advance(MEDIA_CONNECT_MS);
    await until(() => av.current.state === 'Connected');
    const before = av.current;
    const expected = [...stops].sort();
    const stopping = (state: AudioVideoState) =>
      state.actions.filter((a: AudioVideoAction) => a.startsWith('stop') && a !== 'stopAudioVideo');
    expect(stopping(before).sort()).toEqual(expected);

    const statuses = await dropApplication(server, alice);
    expect(await statuses.atLeast(2)).toEqual(['reconnecting', 'ready']);
    const [, again] = await atBob.atLeast(2);
    // A send waits until the conversation is back with its call: bob's side is ringing too.
    await chat.send('back');
    const bobAv = await again?.audioVideo();
    expect(bobAv?.current.state).toBe('Connecting');
    bobAv?.close();

    // The same AudioVideo object, now on the new conversation's modality: Connecting, then
    // Connected with the same media once the emulated media connects.
    await until(() => av.current.href !== before.href && av.current.state === 'Connecting');
    expect(av.current.href.startsWith(chat.href)).toBe(true);
    clock.advance(MEDIA_CONNECT_MS);
    await until(() => av.current.state === 'Connected');
    expect(stopping(av.current).sort()).toEqual(expected);
    expect((await alice.read(chat.href, { fresh: true })).properties.activeModalities).toEqual(
      expect.arrayContaining(action === 'addAudioVideo' ? ['Audio', 'Video'] : ['Audio']),
    );
    // Its actions work on the new modality.
    await av.run('stopAudioVideo');
    await until(() => av.current.state === 'Disconnected');
    expect(seen.items.map((s) => s.href)).toContain(av.current.href);
    av.close();
    await alice.signOut();
    await bob.signOut();
  });

  it('a conversation whose audioVideo was stopped before the loss comes back without it', async () => {
    const clock = createManualClock(Date.UTC(2026, 0, 5, 9));
    const { server, alice, bob } = await aliceAndBob(format, {
      available: { supportedModalities: ['Messaging', 'Audio'] },
      clock,
    });
    const atBob = collector<Conversation>();
    bob.messaging.onInvitation(async (invitation) => {
      atBob.push(await invitation.accept());
    });
    const chat = await alice.messaging.start({ to: 'sip:bob@contoso.com' });
    const av = await chat.audioVideo();
    const seen = collector<AudioVideoState>();
    av.onChange(seen.push);
    await av.run('addAudio', { to: 'sip:bob@contoso.com' });
    clock.advance(MEDIA_CONNECT_MS);
    await until(() => av.current.state === 'Connected');
    // Stopping audio ends the two-party conversation in the emulator; messaging keeps it up.
    await chat.send('still here');
    await av.run('stopAudio');
    await until(() => av.current.state === 'Disconnected');

    const statuses = await dropApplication(server, alice);
    expect(await statuses.atLeast(2)).toEqual(['reconnecting', 'ready']);
    const [, again] = await atBob.atLeast(2);
    const received = collector<string>();
    again?.onMessage((m) => received.push(m.text));
    // A send waits until the conversation is back, its media included.
    await chat.send('and again');
    expect(await received.atLeast(1)).toEqual(['and again']);
    const conversation = await chat.resource();
    const avHref = new URL(conversation.links.audioVideo?.href ?? '', server.url).href;
    expect((await alice.read(avHref, { fresh: true })).properties.state).toBe('Disconnected');
    await until(() => av.current.href === avHref);
    expect(av.current.state).toBe('Disconnected');
    expect(av.current.actions).toContain('addAudio');
    expect(seen.items.filter((s) => s.href === avHref).map((s) => s.state)).not.toContain(
      'Connecting',
    );
    await alice.signOut();
    await bob.signOut();
  });
});
