import { type FetchLike, isUcwaAuthError, isUcwaHttpError } from '@ucwa/transport';
import { describe, expect, it } from 'vitest';
import { joinTabs, type Session, type SessionStatus, type TabChannel } from '../src/index.ts';
import { emulator } from './support/emulators.ts';
import { collector, signInUser, until } from './support/sessions.ts';
import { becomes, channelName, tabOptions } from './tabs-support.ts';

/**
 * Ends the P-GET alice's leader has the server hold (an invitation from bob), so the next
 * one meets the fault just added.
 */
async function invite(url: string, bob?: Session): Promise<Session> {
  const inviter = bob ?? (await signInUser(url, 'bob'));
  await inviter.makeMeAvailable({ supportedModalities: ['Messaging'] });
  inviter.messaging.start({ to: 'sip:alice@contoso.com' }).catch(() => {});
  return inviter;
}

/** Resolves with the first status of `session` that `test` accepts. */
function statusWhere(
  session: { onStatus(listener: (s: SessionStatus) => void): () => void },
  test: (s: SessionStatus) => boolean,
): Promise<SessionStatus> {
  return new Promise((resolve) => {
    const stop = session.onStatus((s) => {
      if (!test(s)) return;
      stop();
      resolve(s);
    });
  });
}

describe("every tab's session status is the leader's", () => {
  it('a failed P-GET makes every tab reconnecting then ready; a token that cannot be renewed signs every tab out (authFailed)', async () => {
    const server = await emulator();
    const name = channelName();
    const leader = await joinTabs(tabOptions(server, name, 'tab-a'));
    const follower = await joinTabs(tabOptions(server, name, 'tab-b'));
    expect([leader.role, follower.role]).toEqual(['leader', 'follower']);
    const inFollower = collector<SessionStatus>();
    const inLeader = collector<SessionStatus>();
    follower.session.onStatus(inFollower.push);
    leader.session.onStatus(inLeader.push);

    const app = new URL(leader.session.application.href, server.url).pathname;
    server.faults.add({ path: `${app}/events`, nth: 1, action: { type: 'status', status: 500 } });
    await follower.session.makeMeAvailable({ supportedModalities: ['Messaging'] });
    const bob = await invite(server.url);
    const [reconnecting, ready] = await inFollower.atLeast(2);
    expect(reconnecting).toMatchObject({
      state: 'reconnecting',
      reason: { kind: 'channelFailed' },
    });
    const error = reconnecting?.state === 'reconnecting' ? reconnecting.reason.error : undefined;
    // The leader's error, rebuilt as its class.
    expect(isUcwaHttpError(error) && error.status).toBe(500);
    expect(ready).toEqual({ state: 'ready' });
    expect((await inLeader.atLeast(2)).map((s) => s.state)).toEqual(['reconnecting', 'ready']);

    // The token expires under the leader's P-GET and the token service refuses a new one.
    server.faults.add({ path: '/WebTicket/oauthtoken', action: { type: 'error', status: 400 } });
    server.faults.add({ path: `${app}/events`, nth: 1, action: { type: 'expireToken' } });
    const signedOut = statusWhere(follower.session, (s) => s.state === 'signedOut');
    await invite(server.url, bob);
    const ended = await signedOut;
    expect(ended).toMatchObject({ state: 'signedOut', reason: { kind: 'authFailed' } });
    const cause = ended.state === 'signedOut' && 'error' in ended.reason ? ended.reason.error : 0;
    expect(isUcwaAuthError(cause)).toBe(true);
    expect(leader.session.status).toMatchObject({
      state: 'signedOut',
      reason: { kind: 'authFailed' },
    });
    await follower.close();
    await leader.close();
    await bob.signOut();
  }, 20_000);

  it('a tab that joins later gets the current status with the heartbeat; signOut in any tab signs every tab out', async () => {
    const server = await emulator();
    const name = channelName();
    const leader = await joinTabs(tabOptions(server, name, 'tab-a'));
    const app = new URL(leader.session.application.href, server.url).pathname;
    // The next P-GET fails: the leader waits before it reconnects (a second at least).
    server.faults.add({ path: `${app}/events`, nth: 1, action: { type: 'status', status: 500 } });
    const reconnecting = statusWhere(leader.session, (s) => s.state === 'reconnecting');
    await leader.session.makeMeAvailable({ supportedModalities: ['Messaging'] });
    const bob = await invite(server.url);
    await reconnecting;
    const late = await joinTabs(tabOptions(server, name, 'tab-b'));
    expect(late.role).toBe('follower');
    expect(late.session.status).toMatchObject({
      state: 'reconnecting',
      reason: { kind: 'channelFailed' },
    });
    await statusWhere(late.session, (s) => s.state === 'ready');

    const third = await joinTabs(tabOptions(server, name, 'tab-c'));
    const endedInLeader = statusWhere(leader.session, (s) => s.state === 'signedOut');
    const endedInThird = statusWhere(third.session, (s) => s.state === 'signedOut');
    // As a page does: the leading tab leaves as soon as its session ends. The sign-out sent
    // from another tab still completes there.
    leader.session.onStatus((s) => {
      if (s.state === 'signedOut') void leader.close();
    });
    await late.session.signOut();
    expect(late.session.status).toEqual({ state: 'signedOut', reason: { kind: 'signOut' } });
    expect(await endedInLeader).toEqual({ state: 'signedOut', reason: { kind: 'signOut' } });
    expect(await endedInThird).toEqual({ state: 'signedOut', reason: { kind: 'signOut' } });
    await Promise.all([leader.close(), late.close(), third.close(), bob.signOut()]);
  }, 20_000);

  it('a leader cut off from the other tabs and replaced by one steps down and follows it; no tab is signed out', async () => {
    const server = await emulator();
    const name = channelName();
    // The first tab's messages can be held back (a tab that cannot beat in time).
    const real = new BroadcastChannel(name);
    let muted = false;
    const mutable: TabChannel = {
      postMessage: (message) => {
        if (!muted) real.postMessage(message);
      },
      addEventListener: (type, listener) => real.addEventListener(type, listener),
      close: () => real.close(),
    };
    const first = await joinTabs({ ...tabOptions(server, name, 'tab-a'), channel: mutable });
    const second = await joinTabs(tabOptions(server, name, 'tab-b'));
    const states = collector<string>();
    first.session.onStatus((s) => states.push(`first ${s.state}`));
    second.session.onStatus((s) => states.push(`second ${s.state}`));

    muted = true;
    await becomes(second, 'leader');
    // The second tab's P-GET replaced the first's: the first stops leading.
    await until(() => first.role === 'electing');
    muted = false;
    await becomes(first, 'follower');
    expect(states.items.filter((s) => s.endsWith('signedOut'))).toEqual([]);
    expect([first.session.status.state, second.session.status.state]).toEqual(['ready', 'ready']);
    // The first tab works through the second now.
    expect((await first.session.read(first.session.application.href, { fresh: true })).rel).toBe(
      'application',
    );
    await second.session.signOut();
    await Promise.all([first.close(), second.close()]);
  });

  it('a leading tab whose session ended, left open, does nothing for the tabs of the next sign-in', async () => {
    const server = await emulator();
    const name = channelName();
    let sentByFirst = 0;
    const counting: FetchLike = (request, init) => {
      sentByFirst += 1;
      return globalThis.fetch(request, init);
    };
    const first = await joinTabs(tabOptions(server, name, 'tab-a', { fetch: counting }));
    await first.session.signOut();
    const before = sentByFirst;
    // A new sign-in leads, and a tab that joins it works through it alone.
    const next = await joinTabs(tabOptions(server, name, 'tab-b'));
    expect(next.role).toBe('leader');
    const follower = await joinTabs(tabOptions(server, name, 'tab-c'));
    expect(follower.role).toBe('follower');
    await follower.session.makeMeAvailable({ supportedModalities: ['Messaging'] });
    expect((await follower.session.presence.get()).properties.availability).toBe('Online');
    expect(sentByFirst).toBe(before);
    await follower.session.signOut();
    await Promise.all([first.close(), next.close(), follower.close()]);
  });
});
