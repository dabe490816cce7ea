import { describe, expect, it } from 'vitest';
import { createMemoryStorage, joinTabs, signIn } from '../src/index.ts';
import { emulator } from './support/emulators.ts';

const alice = { username: 'alice@contoso.com', password: 'demo' };
const application = { userAgent: 'client-test/1.0' };

describe('one user at two servers (two discovery URLs)', () => {
  it('signs in at the server asked for, not at the one cached discovery found before', async () => {
    const first = await emulator();
    const second = await emulator();
    const storage = createMemoryStorage();
    const atFirst = await signIn({
      discoveryUrl: `${first.url}/`,
      credentials: alice,
      application,
      storage,
    });
    // Still signed in there (or the tab closed without signing out): the cache is kept.
    expect(await storage.getItem('ucwa:alice@contoso.com:discovery')).toContain(first.url);
    const atSecond = await signIn({
      discoveryUrl: `${second.url}/`,
      credentials: alice,
      application,
      storage,
    });
    expect(new URL(atSecond.application.href, second.url).origin).toBe(second.url);
    expect(await storage.getItem('ucwa:alice@contoso.com:discovery')).toContain(second.url);
    // Back at the first server: discovered again from there, found there.
    const again = await signIn({
      discoveryUrl: `${first.url}/`,
      credentials: alice,
      application,
      storage,
    });
    expect(new URL(again.application.href, first.url).origin).toBe(first.url);
    // One endpoint id per user on this device, whichever server.
    expect(atSecond.application.properties.endpointId).toBe(
      atFirst.application.properties.endpointId,
    );
    // Same endpoint id at the same server: the same application (MultiTabSupport.md).
    expect(again.application.href).toBe(atFirst.application.href);
    await atFirst.detach();
    await atSecond.signOut();
    await again.signOut();
  });

  it('joins tabs of the same server only: the default channel names the user and the server', async () => {
    const first = await emulator();
    const second = await emulator();
    const options = (url: string) => ({
      signIn: { discoveryUrl: `${url}/`, credentials: alice, application },
      claimWindow: 20,
    });
    const a = await joinTabs(options(first.url));
    const b = await joinTabs(options(second.url));
    const c = await joinTabs(options(first.url));
    expect([a.role, b.role, c.role]).toEqual(['leader', 'leader', 'follower']);
    expect(new URL(b.session.application.href, second.url).origin).toBe(second.url);
    expect(c.session.application.href).toBe(a.session.application.href);
    await c.close();
    await b.session.signOut();
    await a.session.signOut();
    await b.close();
    await a.close();
  });
});
