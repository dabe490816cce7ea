import { startEmulator } from '@ucwa/emulator';
import { isUcwaAuthError } from '@ucwa/transport';
import { describe, expect, it } from 'vitest';
import {
  joinTabs,
  type SessionStatus,
  type TabChannel,
  UcwaDiscoveryError,
  UcwaTabCommandError,
} from '../src/index.ts';
import { isTransientFailure } from '../src/tabs/transient-failure.ts';
import { emulator } from './support/emulators.ts';
import { collector, countingTokens, until } from './support/sessions.ts';
import { becomes, channelName, manualTimers, tabOptions } from './tabs-support.ts';

/** Lets the tabs' messages (delivered on later turns of the event loop) arrive. */
const turns = () => until(() => true).then(() => new Promise((r) => setTimeout(r, 0)));

describe('joinTabs when signing in fails', () => {
  it('a wrong password rejects joinTabs with the refusal, sent once: no election sends it again', async () => {
    const server = await emulator();
    const name = channelName();
    const clock = manualTimers();
    const counted = countingTokens();
    const joining = joinTabs(
      tabOptions(server, name, 'tab-a', {
        password: 'wrong',
        timers: clock.timers,
        fetch: counted.fetch,
      }),
    );
    const outcome = joining.then(
      () => 'joined',
      (error: unknown) => error,
    );
    clock.advance(20);
    const error = await outcome;
    expect(isUcwaAuthError(error) && error.reason).toBe('invalid_grant');
    expect(isTransientFailure(error)).toBe(false);
    expect(counted.tokens()).toBe(1);
    // Nothing is left to retry it: no timer, and moving time on sends nothing.
    expect(clock.pending()).toBe(0);
    clock.advance(60_000);
    expect(counted.tokens()).toBe(1);

    // A tab with the right password leads on its own sign-in.
    const joined = joinTabs(tabOptions(server, name, 'tab-b', { timers: clock.timers }));
    clock.advance(20);
    const good = await joined;
    expect(good.role).toBe('leader');
    expect(counted.tokens()).toBe(1);
    await good.session.signOut();
    await good.close();
  });

  it('a server that cannot be reached rejects the first joinTabs call (transient, not retried behind the caller)', async () => {
    const gone = await startEmulator();
    const url = gone.url;
    await gone.close();
    const clock = manualTimers();
    const outcome = joinTabs(tabOptions({ url }, channelName(), 'tab-a', { timers: clock.timers }))
      .then(() => 'joined')
      .catch((error: unknown) => error);
    clock.advance(20);
    const error = await outcome;
    expect(error).toBeInstanceOf(UcwaDiscoveryError);
    expect(isTransientFailure(error)).toBe(true);
    expect(clock.pending()).toBe(0);
  });

  it('a takeover that fails on a 5xx says reconnecting and is tried again by the next election', async () => {
    const server = await emulator();
    const name = channelName();
    const clock = manualTimers();
    const first = joinTabs(tabOptions(server, name, 'tab-a', { timers: clock.timers }));
    clock.advance(20);
    const leader = await first;
    const follower = await joinTabs(tabOptions(server, name, 'tab-b', { timers: clock.timers }));
    expect(follower.role).toBe('follower');
    const statuses = collector<SessionStatus>();
    follower.session.onStatus(statuses.push);

    const failing = server.faults.add({
      path: '/WebTicket/oauthtoken',
      action: { type: 'error', status: 503 },
    });
    await leader.close();
    await until(() => follower.role === 'electing');
    clock.advance(20);
    const [reconnecting] = await statuses.atLeast(1);
    expect(reconnecting).toMatchObject({
      state: 'reconnecting',
      reason: { kind: 'channelFailed' },
    });
    expect(follower.role).toBe('electing');

    server.faults.remove(failing);
    const led = becomes(follower, 'leader');
    clock.advance(400);
    await turns();
    clock.advance(20);
    await led;
    expect((await statuses.atLeast(2))[1]).toEqual({ state: 'ready' });
    expect((await follower.session.me()).rel).toBe('me');
    await follower.session.signOut();
    await follower.close();
  });

  it('a call made while no tab can lead fails after joinTimeout instead of waiting forever', async () => {
    const server = await emulator();
    const name = channelName();
    const clock = manualTimers();
    const options = (id: string) =>
      tabOptions(server, name, id, { timers: clock.timers, joinTimeout: 1_000 });
    const first = joinTabs(options('tab-a'));
    clock.advance(20);
    const leader = await first;
    const follower = await joinTabs(options('tab-b'));
    const failing = server.faults.add({
      path: '/WebTicket/oauthtoken',
      action: { type: 'error', status: 503 },
    });
    await leader.close();
    await until(() => follower.role === 'electing');
    const href = follower.session.application.embedded.me?.href ?? '';
    const waiting = follower.session.read(href, { fresh: true }).catch((e: unknown) => e);
    clock.advance(999);
    await turns();
    clock.advance(1);
    expect(await waiting).toMatchObject({
      name: 'UcwaTabCommandError',
      remoteName: 'UcwaTabNoLeader',
    });
    server.faults.remove(failing);
    await follower.close();
  });

  it('a refused takeover signs that tab out (authFailed) and leaves the election', async () => {
    const server = await emulator();
    const name = channelName();
    const clock = manualTimers();
    const counted = countingTokens();
    const options = (id: string) =>
      tabOptions(server, name, id, { timers: clock.timers, fetch: counted.fetch });
    const first = joinTabs(options('tab-a'));
    clock.advance(20);
    const leader = await first;
    const follower = await joinTabs(options('tab-b'));
    const ended = new Promise<SessionStatus>((resolve) =>
      follower.session.onStatus((s) => s.state === 'signedOut' && resolve(s)),
    );
    server.faults.add({ path: '/WebTicket/oauthtoken', action: { type: 'error', status: 400 } });
    const before = counted.tokens();
    await leader.close();
    await until(() => follower.role === 'electing');
    clock.advance(20);
    const status = await ended;
    expect(status).toMatchObject({ state: 'signedOut', reason: { kind: 'authFailed' } });
    expect(counted.tokens()).toBe(before + 1);
    clock.advance(60_000);
    expect(counted.tokens()).toBe(before + 1);
    expect(clock.pending()).toBe(0);
    const href = follower.session.application.embedded.me?.href ?? '';
    const refused = await follower.session.read(href, { fresh: true }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ name: 'UcwaTabCommandError', remoteName: 'UcwaTabClosed' });
    await follower.close();
  });

  it('a tab waiting for a leader that never comes gives up after joinTimeout', async () => {
    // Another tab answers every claim saying it is signing in to lead, and never does.
    const listeners: ((event: MessageEvent) => void)[] = [];
    const stuck: TabChannel = {
      postMessage: (message) => {
        if (message.t !== 'claim') return;
        const data = { t: 'claim', id: 'tab-0', opening: true };
        queueMicrotask(() => {
          for (const listener of listeners) listener(new MessageEvent('message', { data }));
        });
      },
      addEventListener: (_, listener) => listeners.push(listener),
      close: () => {},
    };
    const clock = manualTimers();
    const outcome = joinTabs({
      ...tabOptions({ url: 'http://127.0.0.1:9' }, channelName(), 'tab-a', {
        timers: clock.timers,
        joinTimeout: 5_000,
      }),
      channel: stuck,
    }).catch((error: unknown) => error);
    for (let t = 0; t < 5_000; t += 20) {
      await turns();
      clock.advance(20);
    }
    const error = await outcome;
    expect(error).toBeInstanceOf(UcwaTabCommandError);
    expect(error).toMatchObject({ remoteName: 'UcwaTabNoLeader' });
    expect(clock.pending()).toBe(0);
  });
});
