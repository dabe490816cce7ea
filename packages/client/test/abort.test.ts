import { describe, expect, it } from 'vitest';
import { signIn } from '../src/index.ts';
import { emulator } from './support/emulators.ts';

const credentials = { username: 'alice@contoso.com', password: 'demo' };
const application = { userAgent: 'abort-test' };

describe('the signal of signIn', () => {
  it('aborted before sign-in ends, rejects with its reason and sends nothing more', async () => {
    const server = await emulator();
    const controller = new AbortController();
    const reason = new Error('user closed the page');
    const seen: string[] = [];
    const failure = signIn({
      discoveryUrl: `${server.url}/`,
      credentials,
      application,
      signal: controller.signal,
      fetch: async (request, init) => {
        seen.push(new URL(request.url).pathname);
        if (seen.length === 1) controller.abort(reason);
        return globalThis.fetch(request, init);
      },
    });
    await expect(failure).rejects.toBe(reason);
    expect(seen).toEqual(['/']);
  });

  it('aborted once ready, signs the session out with the reason', async () => {
    const server = await emulator();
    const controller = new AbortController();
    const session = await signIn({
      discoveryUrl: `${server.url}/`,
      credentials,
      application,
      signal: controller.signal,
    });
    expect(session.status.state).toBe('ready');
    controller.abort('bye');
    expect(session.status).toEqual({
      state: 'signedOut',
      reason: { kind: 'aborted', cause: 'bye' },
    });
  });
});
