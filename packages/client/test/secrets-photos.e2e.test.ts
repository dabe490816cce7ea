import { describe, expect, it } from 'vitest';
import { resumeSession, type SessionSnapshot, signIn } from '../src/index.ts';
import { emulator } from './support/emulators.ts';
import { countingTokens } from './support/sessions.ts';

describe('snapshot secrets and photo bytes', () => {
  it('a snapshot holds the token only when asked; resumed from it, no new token is fetched', async () => {
    const server = await emulator();
    const alice = await signIn({
      discoveryUrl: `${server.url}/`,
      credentials: { username: 'alice@contoso.com', password: 'demo' },
      application: { userAgent: 'secrets-test' },
    });
    const plain = alice.snapshot();
    expect(plain.token).toBeUndefined();
    const saved = JSON.stringify(alice.snapshot({ secrets: true }));
    const secret: SessionSnapshot = JSON.parse(saved);
    expect(secret.token?.accessToken).toMatch(/^cwt=/);
    expect(secret.token?.expiresAt).toBeGreaterThan(Date.now());
    expect(saved).not.toContain('demo');
    await alice.detach();

    await expect(resumeSession(plain, { discoveryUrl: `${server.url}/` })).rejects.toThrow(
      /credentials or a tokenProvider/,
    );
    const counted = countingTokens();
    const resumed = await resumeSession(secret, {
      discoveryUrl: `${server.url}/`,
      fetch: counted.fetch,
    });
    expect(resumed.application.href).toBe(alice.application.href);
    expect((await resumed.me()).rel).toBe('me');
    expect(counted.tokens()).toBe(0);
    await resumed.signOut();
  });

  it('reads a contact photo as bytes', async () => {
    const server = await emulator();
    const alice = await signIn({
      discoveryUrl: `${server.url}/`,
      credentials: { username: 'alice@contoso.com', password: 'demo' },
      application: { userAgent: 'photo-test' },
    });
    const contacts = await alice.people.contacts();
    const withPhoto = contacts.filter((c) => alice.people.photoUrl(c) !== undefined);
    expect(withPhoto.length).toBeGreaterThan(0);
    for (const contact of withPhoto) {
      const photo = await alice.people.photo(contact);
      expect(photo?.contentType).toBe('image/png');
      // The PNG signature.
      expect([...(photo?.bytes.subarray(0, 4) ?? [])]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    }
    await alice.signOut();
  });
});
