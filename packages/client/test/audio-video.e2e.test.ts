import { createManualClock } from '@ucwa/emulator';
import { UcwaLinkError } from '@ucwa/transport';
import { describe, expect, it } from 'vitest';
import {
  type AudioVideoState,
  type IncomingInvitation,
  UcwaDocumentedError,
} from '../src/index.ts';
import { aliceAndBob, collector, deferred } from './support/sessions.ts';

describe.each(['json', 'xml'] as const)('audioVideo (%s)', (format) => {
  it('goes Connecting → Connected → Disconnected, offering the actions each state allows', async () => {
    const clock = createManualClock(Date.UTC(2026, 0, 5, 9));
    const { alice, bob } = await aliceAndBob(format, {
      available: { supportedModalities: ['Messaging', 'Audio', 'Video'] },
      clock,
    });
    const invited = deferred<IncomingInvitation>();
    bob.messaging.onInvitation(invited.resolve);
    const started = alice.messaging.start({ to: 'sip:bob@contoso.com', subject: 'Call' });
    await (await invited.promise).accept();
    const conversation = await started;

    const av = await conversation.audioVideo();
    expect(av.current.state).toBe('Disconnected');
    expect([av.current.supportsReplaces, av.current.videoSourcesAllowed]).toEqual([
      'None',
      'Everyone',
    ]);
    expect(av.current.actions).toContain('addAudio');
    expect(av.current.actions).not.toContain('stopAudio');
    const seen = collector<AudioVideoState>();
    av.onChange(seen.push);

    await av.run('addAudio', { to: 'sip:bob@contoso.com' });
    const connecting = await seen.atLeast(1);
    expect(connecting.at(-1)?.state).toBe('Connecting');
    clock.advance(2_000);
    const connected = await seen.atLeast(2);
    expect(connected.at(-1)?.state).toBe('Connected');
    expect(av.current.actions).toContain('stopAudio');
    expect(av.current.actions).not.toContain('addAudio');
    await expect(av.run('addAudio', { to: 'sip:bob@contoso.com' })).rejects.toBeInstanceOf(
      UcwaLinkError,
    );

    await av.run('stopAudio');
    const states = await seen.atLeast(3);
    expect(states.at(-1)?.state).toBe('Disconnected');
    expect(av.current.actions).toContain('addAudio');
    av.close();
    await alice.signOut();
    await bob.signOut();
  });

  it.each([
    [500, 'ServiceFailure', 'InvalidExchangeServerVersion'],
    [409, 'Conflict', 'AlreadyExists'],
    [409, 'Conflict', 'TooManyGroups'],
    [410, 'Gone', 'CannotRedirect'],
  ] as const)(
    'surfaces the documented %i %s/%s as UcwaDocumentedError',
    async (status, code, subcode) => {
      const { server, alice, bob } = await aliceAndBob(format, {
        available: { supportedModalities: ['Messaging', 'Audio'] },
      });
      const invited = deferred<IncomingInvitation>();
      bob.messaging.onInvitation(invited.resolve);
      const started = alice.messaging.start({ to: 'sip:bob@contoso.com' });
      await (await invited.promise).accept();
      const av = await (await started).audioVideo();
      server.faults.add({
        method: 'POST',
        path: '/addAudio',
        nth: 1,
        action: { type: 'error', status, code, subcode },
      });
      const failure = await av
        .run('addAudio', { to: 'sip:bob@contoso.com' })
        .catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(UcwaDocumentedError);
      expect(
        failure instanceof UcwaDocumentedError && [failure.status, failure.code, failure.subcode],
      ).toEqual([status, code, subcode]);
      av.close();
      await alice.signOut();
      await bob.signOut();
    },
  );
});
