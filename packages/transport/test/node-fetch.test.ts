import { afterEach, describe, expect, it } from 'vitest';
import { createTransport, isUcwaTimeoutError } from '../src/index.ts';
import { createNodeFetch, type NodeFetch } from '../src/node.ts';
import { sendJson, startServer, type TestServer } from './helpers/http-server.ts';

let server: TestServer | undefined;
let fetch: NodeFetch | undefined;

afterEach(async () => {
  await fetch?.close();
  await server?.close();
});

/** A server that answers after `delay` ms. */
async function slowServer(delay: number): Promise<TestServer> {
  return startServer(async (_request, res) => {
    await new Promise((resolve) => setTimeout(resolve, delay));
    sendJson(res, 200, { rel: 'me', _links: { self: { href: '/me' } } });
  });
}

describe('createNodeFetch', () => {
  it('gives the undici dispatcher the call’s timeout as its header timeout', async () => {
    // undici checks header timeouts on a coarse (about 1 s) clock, so the server waits longer.
    server = await slowServer(2_500);
    fetch = createNodeFetch({ slack: 0 });
    // No abort signal here: only the dispatcher can end this request.
    const error = await fetch(new Request(`${server.origin}/me`), { ucwaTimeout: 100 }).catch(
      (e: unknown) => e,
    );
    expect((error as Error).cause).toMatchObject({ code: 'UND_ERR_HEADERS_TIMEOUT' });
  });

  it('holds a call with timeout: false past its own default timeouts', async () => {
    server = await slowServer(600);
    fetch = createNodeFetch();
    const transport = createTransport({
      origin: server.origin,
      format: 'json',
      auth: { getToken: async () => ({ accessToken: 't' }) },
      fetch,
      timeout: 200,
    });
    const timedOut = await transport.get('/me').catch((e: unknown) => e);
    expect(isUcwaTimeoutError(timedOut)).toBe(true);
    await expect(transport.get('/me', { timeout: false })).resolves.toMatchObject({ rel: 'me' });
  });
});
