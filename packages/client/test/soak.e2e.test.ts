import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createEmulator, createManualClock } from '@ucwa/emulator';
import { describe, expect, it } from 'vitest';
import {
  type ContactPresenceChange,
  type Session,
  type SessionStatus,
  signIn,
} from '../src/index.ts';
import { clockTimers, countingFetch } from './support/virtual-time.ts';

const HOUR = 3_600_000;
const STEP = 15_000;

setFlagsFromString('--expose-gc');
const gc: () => void = runInNewContext('gc');

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('a 24-hour soak in virtual time', () => {
  it('keeps both applications, refreshes every token before it expires, and holds memory flat', async () => {
    const clock = createManualClock(Date.UTC(2026, 0, 5, 9));
    // In process, so a request reaches the emulator's handler as soon as it is sent and
    // the clock never moves past a P-GET the server has not started to hold.
    const server = createEmulator({ clock });
    const url = 'http://127.0.0.1:9';
    const net = countingFetch(
      (a) => a.url.includes('oauthtoken') || a.status >= 400,
      (request, init) =>
        server.fetch(init?.signal ? new Request(request, { signal: init.signal }) : request),
    );
    const { timers, now } = clockTimers(clock);
    const statuses: SessionStatus['state'][] = [];
    const open = (user: string): Promise<Session> =>
      signIn({
        discoveryUrl: `${url}/`,
        credentials: { username: `${user}@contoso.com`, password: 'demo' },
        application: { userAgent: `soak/${user}` },
        fetch: net.fetch,
        timers,
        now,
        onStatus: (s) => statuses.push(s.state),
      });
    const alice = await open('alice');
    const bob = await open('bob');
    await alice.makeMeAvailable({ supportedModalities: ['Messaging'] });
    await bob.makeMeAvailable({ supportedModalities: ['Messaging'] });
    const seen: ContactPresenceChange[] = [];
    bob.presence.onContactPresence((change) => seen.push(change));
    await bob.presence.subscribe(['sip:alice@contoso.com']);
    const applications = [alice.application.href, bob.application.href];
    await net.settle(2);
    let sizes: number[] = [];

    const heaps: number[] = [];
    for (let hour = 1; hour <= 24; hour++) {
      for (let t = 0; t < HOUR; t += STEP) {
        clock.advance(STEP);
        await net.settle(2);
      }
      await alice.presence.setAvailability(hour % 2 === 0 ? 'Online' : 'Busy');
      clock.advance(STEP);
      await net.settle(2);
      if (hour === 1) sizes = [alice.store.size, bob.store.size];
      if (hour >= 2) heaps.push(heapAfterGc());
    }

    expect(statuses.filter((s) => s !== 'signingIn' && s !== 'ready')).toEqual([]);
    expect([alice.application.href, bob.application.href]).toEqual(applications);
    expect(alice.status.state).toBe('ready');
    expect(bob.status.state).toBe('ready');
    // Tokens last 8 h: each session fetched one at sign-in and refreshed it three times,
    // and no request ever carried an expired token (a 401 to a bearer request).
    const tokenPosts = net.answers.filter(
      (a) => a.method === 'POST' && a.url.includes('oauthtoken'),
    );
    expect(tokenPosts.length).toBeGreaterThanOrEqual(8);
    expect(net.answers.filter((a) => a.bearer && a.status === 401)).toEqual([]);
    // Every hourly change of alice's presence reached bob's subscription.
    expect(seen.filter((c) => c.availability === 'Busy').length).toBeGreaterThanOrEqual(12);
    // Memory flat (emulator included, same heap): after warming up, the second half of the
    // day adds less than 512 KiB, and the stores hold what they held after the first hour.
    const noon = heaps[10] ?? 0;
    const last = heaps.at(-1) ?? 0;
    expect(last - noon).toBeLessThan(512 * 1024);
    expect([alice.store.size, bob.store.size]).toEqual(sizes);
    await alice.signOut();
    await bob.signOut();
    server.close();
  }, 600_000);
});
