import { afterEach, describe, expect, it } from 'vitest';
import { createTransport, isUcwaTimeoutError } from '../src/index.ts';
import { loadUndici } from '../src/load-undici.ts';
import { createNodeFetch, type NodeFetch } from '../src/node.ts';
import { sendJson, startServer, type TestServer } from './helpers/http-server.ts';

let server: TestServer | undefined;
let fetch: NodeFetch | undefined;

afterEach(async () => {
  await fetch?.close();
  await server?.close();
  fetch = undefined;
  server = undefined;
});

/** A server that answers after `delay` ms, or never (until it closes). */
async function slowServer(delay: number | 'never'): Promise<TestServer> {
  return startServer(async (_request, res) => {
    if (delay === 'never') return;
    await new Promise((resolve) => setTimeout(resolve, delay));
    sendJson(res, 200, { rel: 'me', _links: { self: { href: '/me' } } });
  });
}

describe('createNodeFetch', () => {
  it('gives the undici dispatcher the call’s timeout as its header timeout', async () => {
    // The server never answers: only the dispatcher's header timeout can end this request.
    server = await slowServer('never');
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

describe('undici, an optional peer dependency', () => {
  it('missing: the error names the package and how to install it', () => {
    const missing = (id: string): never => {
      throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' });
    };
    expect(() => loadUndici(missing)).toThrow(/needs the package undici .*npm install undici/);
  });

  it('another failure while loading it is passed on as it is', () => {
    const broken = (): never => {
      throw new SyntaxError('bad build');
    };
    expect(() => loadUndici(broken)).toThrow(SyntaxError);
  });

  it('installed: it is loaded', () => {
    expect(typeof loadUndici().Agent).toBe('function');
  });
});
