import { createManualClock } from '@ucwa/emulator';
import { describe, expect, it } from 'vitest';
import { type IncomingInvitation, type StoreChange, signIn } from '../src/index.ts';
import { emulator } from './support/emulators.ts';
import { aliceAndBob, deferred, signInUser, until } from './support/sessions.ts';
import { clockTimers, countingFetch } from './support/virtual-time.ts';

describe('supervision', () => {
  it('reports activity on its timer once available, and not before', async () => {
    const clock = createManualClock(Date.UTC(2026, 0, 5, 9));
    const server = await emulator({ clock });
    const net = countingFetch((a) => a.url.endsWith('/reportMyActivity'));
    // The activity timer is the only one armed with this delay: counting them tells when
    // the next report is scheduled, so the clock is never moved before it is. The whole
    // test stays inside the P-GET's 180 s hold, so no answer or watchdog of the event
    // channel (which would make the session reconnect for a moment) falls into it.
    const interval = 31_000;
    const virtual = clockTimers(clock);
    let armed = 0;
    const timers = {
      setTimeout: (callback: () => void, ms: number) => {
        if (ms === interval) armed += 1;
        return virtual.timers.setTimeout(callback, ms);
      },
      clearTimeout: (handle: unknown) => virtual.timers.clearTimeout(handle),
    };
    const alice = await signIn({
      discoveryUrl: `${server.url}/`,
      credentials: { username: 'alice@contoso.com', password: 'demo' },
      application: { userAgent: 'supervision' },
      fetch: net.fetch,
      activityInterval: interval,
      timers,
      now: virtual.now,
    });
    await net.settle(1);
    clock.advance(60_000);
    await net.settle(1);
    expect(net.answers).toEqual([]);
    expect(armed).toBe(0);
    const me = await alice.makeMeAvailable({ supportedModalities: ['Messaging'] });
    expect(me.links.reportMyActivity).toBeDefined();
    for (let i = 1; i <= 3; i++) {
      await until(() => armed === i);
      clock.advance(interval);
      await until(() => net.answers.length === i);
    }
    expect(net.answers.map((a) => a.status)).toEqual([204, 204, 204]);
    await until(() => armed === 4);
    await alice.signOut();
    clock.advance(600_000);
    expect(net.answers).toHaveLength(3);
  });

  it('after makeMeAvailable, me and its links are current without the caller re-reading', async () => {
    const server = await emulator();
    const alice = await signInUser(server.url, 'alice');
    const before = alice.application.embedded.me;
    expect(before?.links.presence).toBeUndefined();
    await alice.makeMeAvailable({ supportedModalities: ['Messaging'] });
    expect(alice.application.embedded.me?.links.presence).toBeDefined();
    expect(alice.application.embedded.me?.links.makeMeAvailable).toBeUndefined();
    // A copy taken before still navigates: links are looked up on the current resource.
    if (before === undefined) throw new Error('the application embeds no me');
    const presence = await alice.follow(before, 'presence');
    expect(presence.properties.availability).toBe('Online');
    await alice.signOut();
  });

  it('declines an invitation: the inviter sees the start fail', async () => {
    const { alice, bob } = await aliceAndBob();
    const invited = deferred<IncomingInvitation>();
    bob.messaging.onInvitation(invited.resolve);
    const started = alice.messaging.start({ to: 'sip:bob@contoso.com', message: 'Coffee?' });
    const invitation = await invited.promise;
    expect(invitation.from.name).toBeDefined();
    await invitation.decline();
    await expect(started).rejects.toMatchObject({ name: 'UcwaOperationError' });
    await alice.signOut();
    await bob.signOut();
  });

  it('watches a resource the application embeds by its rel, reading what the event did not embed', async () => {
    const clock = createManualClock(Date.UTC(2026, 0, 5, 9));
    const server = await emulator({ clock });
    const alice = await signInUser(server.url, 'alice');
    const seen = deferred<StoreChange>();
    alice.watch('me', seen.resolve);
    await alice.makeMeAvailable({ supportedModalities: ['Messaging'] });
    // me's `updated` is a Medium event: the server holds it for the aggregation window.
    clock.advance(5_000);
    const change = await seen.promise;
    expect(change.type).toBe('updated');
    expect(change.resource?.links.presence).toBeDefined();
    await alice.signOut();
  });
});

describe('a channel that fails for a while', () => {
  it('makes the session reconnecting while it backs off, and ready once it is answered again', async () => {
    const clock = createManualClock(Date.UTC(2026, 0, 5, 9));
    const server = await emulator({ clock });
    const states: string[] = [];
    const alice = await signIn({
      discoveryUrl: `${server.url}/`,
      credentials: { username: 'alice@contoso.com', password: 'demo' },
      application: { userAgent: 'backoff' },
      onStatus: (s) => states.push(s.state),
      ...clockTimers(clock),
    });
    const appPath = new URL(alice.application.href, server.url).pathname;
    // More 503s than the transport retries, so the channel itself backs off.
    server.faults.add({
      path: `${appPath}/events`,
      times: 12,
      action: { type: 'status', status: 503, retryAfter: 1 },
    });
    // The waiting P-GET's 180 s hold ends; then time moves a second at a time while every
    // retry and backoff waits on the clock, until the faults are used up and a P-GET is held.
    clock.advance(180_000);
    const fired = () => server.faults.list()[0]?.fired ?? 0;
    for (let i = 0; i < 600 && !(fired() === 12 && alice.status.state === 'ready'); i++) {
      clock.advance(1_000);
      for (let turn = 0; turn < 20; turn++)
        await new Promise<void>((resolve) => setImmediate(resolve));
    }
    expect(alice.status.state).toBe('ready');
    expect(states.slice(0, 3)).toEqual(['signingIn', 'ready', 'reconnecting']);
    expect(states.at(-1)).toBe('ready');
    await alice.signOut();
  });
});
