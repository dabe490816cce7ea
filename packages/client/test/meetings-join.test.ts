import type { FetchLike } from '@ucwa/transport';
import { describe, expect, it } from 'vitest';
import { signIn } from '../src/index.ts';
import { emulator } from './support/emulators.ts';

describe('meetings.join', () => {
  it('POSTs joinOnlineMeeting with the meeting URI and an operationId it then tracks', async () => {
    const server = await emulator();
    const posted: { url: string; body: unknown }[] = [];
    // The emulator serves no onlineMeetingInvitations: answer the join as a server would
    // (201 and the operation's Location) and record what was sent.
    const fetch: FetchLike = async (request, init) => {
      if (
        request.method === 'POST' &&
        new URL(request.url).pathname.endsWith('/onlineMeetingInvitations')
      ) {
        posted.push({ url: request.url, body: await request.json() });
        return new Response(null, { status: 201, headers: { location: `${request.url}/i1` } });
      }
      return globalThis.fetch(request, init);
    };
    const alice = await signIn({
      discoveryUrl: `${server.url}/`,
      credentials: { username: 'alice@contoso.com', password: 'demo' },
      application: { userAgent: 'join-test' },
      fetch,
      randomId: (() => {
        let n = 0;
        return () => `id-${n++}`;
      })(),
    });
    const uri = 'sip:bob@contoso.com;gruu;opaque=app:conf:focus:id:ABCDE';
    const operation = await alice.meetings.join(uri);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.body).toEqual({ onlineMeetingUri: uri, operationId: operation.operationId });
    operation.cancel();
    await expect(operation.result).rejects.toBeDefined();
    await alice.signOut();
  });
});
