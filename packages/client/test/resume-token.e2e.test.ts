import { createManualClock, type RunningEmulator } from '@ucwa/emulator';
import { describe, expect, it } from 'vitest';
import { isUcwaAuthError, resumeSession, type SessionSnapshot, signIn } from '../src/index.ts';
import { emulator } from './support/emulators.ts';
import { countingTokens } from './support/sessions.ts';

const credentials = { username: 'alice@contoso.com', password: 'demo' };
const LIFETIME_S = 20 * 60;

/** Alice signed in on the emulator's clock, detached, and her snapshot with the token. */
async function detachedAlice(server: RunningEmulator, now: () => number): Promise<SessionSnapshot> {
  const alice = await signIn({
    discoveryUrl: `${server.url}/`,
    credentials,
    application: { userAgent: 'resume-token-test' },
    now,
  });
  const snapshot: SessionSnapshot = JSON.parse(JSON.stringify(alice.snapshot({ secrets: true })));
  await alice.detach();
  return snapshot;
}

describe('resumeSession with a token snapshot and credentials', () => {
  it('sends the snapshot token while it is valid and asks the credentials for one after it expires', async () => {
    const clock = createManualClock(Date.UTC(2026, 0, 5, 9));
    // The application outlives the token: only the token's expiry is under test.
    const server = await emulator({
      clock,
      tokenLifetimeS: LIFETIME_S,
      applicationIdleMs: 86_400_000,
      resumeAfterMs: 86_400_000,
    });
    const now = () => clock.now();
    const snapshot = await detachedAlice(server, now);
    expect(snapshot.token?.expiresAt).toBe(clock.now() + LIFETIME_S * 1000);

    const counted = countingTokens();
    const resumed = await resumeSession(snapshot, {
      discoveryUrl: `${server.url}/`,
      credentials,
      fetch: counted.fetch,
      now,
    });
    expect(new URL(resumed.application.href, server.url).href).toBe(snapshot.applicationHref);
    expect((await resumed.read(snapshot.discovery.userUrl, { fresh: true })).rel).toBe('user');
    expect((await resumed.me()).rel).toBe('me');
    expect(counted.tokens()).toBe(0);
    expect(resumed.snapshot({ secrets: true }).token?.accessToken).toBe(
      snapshot.token?.accessToken,
    );

    clock.advance(LIFETIME_S * 1000 + 1_000);
    const me = await resumed.read(resumed.application.embedded.me?.href ?? '', { fresh: true });
    expect(me.rel).toBe('me');
    expect(counted.tokens()).toBe(1);
    const renewed = resumed.snapshot({ secrets: true }).token;
    expect(renewed?.accessToken).not.toBe(snapshot.token?.accessToken);
    expect(renewed?.expiresAt).toBe(clock.now() + LIFETIME_S * 1000);
    await resumed.signOut();
  });

  it('asks the credentials for a token at once when the server refuses the snapshot token (401)', async () => {
    const clock = createManualClock(Date.UTC(2026, 0, 5, 9));
    const server = await emulator({ clock });
    const now = () => clock.now();
    const snapshot = await detachedAlice(server, now);
    // The server forgets the token on the next request that carries it.
    server.faults.add({ path: '/applications/', times: 1, action: { type: 'expireToken' } });

    const counted = countingTokens();
    const resumed = await resumeSession(snapshot, {
      discoveryUrl: `${server.url}/`,
      credentials,
      fetch: counted.fetch,
      now,
    });
    expect(new URL(resumed.application.href, server.url).href).toBe(snapshot.applicationHref);
    expect(counted.tokens()).toBe(1);
    expect(resumed.snapshot({ secrets: true }).token?.accessToken).not.toBe(
      snapshot.token?.accessToken,
    );
    expect((await resumed.me()).rel).toBe('me');
    expect(counted.tokens()).toBe(1);
    await resumed.signOut();
  });

  it('refused credentials after the snapshot token expired fail as the refusal (invalid_grant)', async () => {
    const clock = createManualClock(Date.UTC(2026, 0, 5, 9));
    const server = await emulator({ clock, tokenLifetimeS: LIFETIME_S });
    const snapshot = await detachedAlice(server, () => clock.now());
    clock.advance(LIFETIME_S * 1000 + 1_000);
    const refused = await resumeSession(snapshot, {
      discoveryUrl: `${server.url}/`,
      credentials: { ...credentials, password: 'not hers' },
      now: () => clock.now(),
    }).catch((error: unknown) => error);
    expect(isUcwaAuthError(refused) && refused.reason).toBe('invalid_grant');
  });

  it('without credentials, an expired snapshot token is not sent: resuming fails and says why', async () => {
    const clock = createManualClock(Date.UTC(2026, 0, 5, 9));
    const server = await emulator({ clock, tokenLifetimeS: LIFETIME_S });
    const snapshot = await detachedAlice(server, () => clock.now());
    clock.advance(LIFETIME_S * 1000 + 1_000);
    const counted = countingTokens();
    await expect(
      resumeSession(snapshot, {
        discoveryUrl: `${server.url}/`,
        fetch: counted.fetch,
        now: () => clock.now(),
      }),
    ).rejects.toThrow(/token provider failed/);
    expect(counted.tokens()).toBe(0);
  });
});
