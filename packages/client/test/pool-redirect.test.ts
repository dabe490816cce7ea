import type { FetchLike } from '@ucwa/transport';
import { describe, expect, it } from 'vitest';
import { signIn, UcwaRedirectRefusedError } from '../src/index.ts';
import { emulator } from './support/emulators.ts';

const USER_PATH = '/Autodiscover/AutodiscoverService.svc/root/oauth/user';

/**
 * A fetch under which pool A's user resource, once the token is accepted, answers with a
 * `redirect` link to pool B's user resource (a user homed on another pool).
 */
function poolRedirect(poolA: string, poolB: string): { fetch: FetchLike; seen: string[] } {
  const seen: string[] = [];
  const fetch: FetchLike = async (request, init) => {
    const url = new URL(request.url);
    seen.push(`${request.method} ${url.origin}${url.pathname}`);
    const bearer = request.headers.get('authorization')?.startsWith('Bearer ') === true;
    if (url.origin === poolA && url.pathname === USER_PATH && bearer) {
      const body = {
        rel: 'user',
        _links: {
          self: { href: `${poolA}${USER_PATH}` },
          redirect: { href: `${poolB}${USER_PATH}` },
        },
      };
      return new Response(JSON.stringify(body), {
        headers: { 'content-type': 'application/json' },
      });
    }
    return globalThis.fetch(request, init);
  };
  return { fetch, seen };
}

const options = {
  credentials: { username: 'alice@contoso.com', password: 'demo' },
  application: { userAgent: 'pool-test' },
};

describe("the user resource's redirect to another pool", () => {
  it('is followed when the policy approves it, with a token of the new pool', async () => {
    const a = await emulator();
    const b = await emulator();
    const net = poolRedirect(a.url, b.url);
    const session = await signIn({
      ...options,
      discoveryUrl: `${a.url}/`,
      fetch: net.fetch,
      redirectPolicy: { allow: [b.url] },
    });
    expect(session.transport.origin).toBe(b.url);
    expect(net.seen).toContain(`POST ${b.url}/WebTicket/oauthtoken`);
    expect(net.seen.filter((s) => s.startsWith('POST') && s.endsWith('/applications'))).toEqual([
      `POST ${b.url}/ucwa/oauth/v1/applications`,
    ]);
    await session.signOut();
  });

  it('is refused by the default policy, and pool B sees no request', async () => {
    const a = await emulator();
    const b = await emulator();
    const net = poolRedirect(a.url, b.url);
    const failure = signIn({ ...options, discoveryUrl: `${a.url}/`, fetch: net.fetch }).catch(
      (e: unknown) => e,
    );
    const error = await failure;
    expect(error).toBeInstanceOf(UcwaRedirectRefusedError);
    expect(error instanceof UcwaRedirectRefusedError && error.source).toBe('user');
    expect(net.seen.filter((s) => s.includes(b.url))).toEqual([]);
  });
});
