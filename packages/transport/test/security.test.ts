import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTransport, isUcwaOriginError, type Transport } from '../src/index.ts';
import { createNodeFetch, type NodeFetch } from '../src/node.ts';
import { type Recorded, sendJson, startServer, type TestServer } from './helpers/http-server.ts';

const TOKEN = 'cwt=SECRET-TOKEN-VALUE';

let trusted: TestServer;
let other: TestServer;
let fetch: NodeFetch;
let transport: Transport;
let fetchCalls: string[];

beforeEach(async () => {
  // The other origin: any request reaching it is a leak.
  other = await startServer((_request, res) =>
    sendJson(res, 200, { rel: 'me', _links: { self: { href: '/me' } } }),
  );
  trusted = await startServer((request: Recorded, res) => {
    const path = request.url.split('?')[0];
    if (path === '/ucwa/people') {
      return sendJson(res, 200, {
        rel: 'people',
        _links: {
          self: { href: '/ucwa/people' },
          myContacts: { href: `${other.origin}/ucwa/contacts` },
        },
      });
    }
    if (path === '/ucwa/conversations') {
      res.writeHead(201, { location: `${other.origin}/ucwa/conversations/1` });
      return void res.end();
    }
    if (path === '/ucwa/moved' || path === '/ucwa/moved-307') {
      res.writeHead(path === '/ucwa/moved' ? 302 : 307, { location: `${other.origin}/ucwa/me` });
      return void res.end();
    }
    if (path === '/ucwa/moved-here') {
      res.writeHead(302, { location: '/ucwa/people' });
      return void res.end();
    }
    return sendJson(res, 404, { code: 'NotFound' });
  });
  fetch = createNodeFetch();
  fetchCalls = [];
  const counting = (input: Request, init?: RequestInit) => {
    fetchCalls.push(input.url);
    return fetch(input, init);
  };
  transport = createTransport({
    origin: trusted.origin,
    format: 'json',
    auth: { getToken: async () => ({ accessToken: TOKEN }) },
    fetch: counting,
    retry: false,
  });
});

afterEach(async () => {
  await fetch.close();
  await Promise.all([trusted.close(), other.close()]);
});

/** The refusal, with the token in neither the message nor anything serializable. */
async function refused(call: Promise<unknown>): Promise<Error> {
  const error = await call.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e,
  );
  if (!isUcwaOriginError(error)) throw error;
  expect(`${error.message} ${JSON.stringify(error)} ${String(error.stack)}`).not.toContain(
    'SECRET',
  );
  return error;
}

describe('origin policy over real HTTP', () => {
  it('refuses a link to another origin without making the request', async () => {
    const people = await transport.get('/ucwa/people');
    await refused(transport.follow(people, 'myContacts'));
    expect(other.requests).toHaveLength(0);
    expect(fetchCalls).toEqual([`${trusted.origin}/ucwa/people`]);
  });

  it('refuses a 201 Location on another origin', async () => {
    const error = await refused(
      transport.post('/ucwa/conversations', { properties: { subject: 'x' } }),
    );
    expect((error as { url?: string }).url).toBe(`${other.origin}/ucwa/conversations/1`);
    expect(other.requests).toHaveLength(0);
  });

  it.each(['/ucwa/moved', '/ucwa/moved-307'])(
    'does not follow a redirect to another origin (%s)',
    async (path) => {
      await refused(transport.get(path));
      expect(other.requests).toHaveLength(0);
      expect(trusted.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    },
  );

  it('follows a redirect on the trusted origin, token included', async () => {
    const people = await transport.get('/ucwa/moved-here');
    expect(people.rel).toBe('people');
    expect(trusted.requests.map((r) => r.url)).toEqual(['/ucwa/moved-here', '/ucwa/people']);
    expect(trusted.requests[1]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it.each(['http://ucwa.contoso.test/ucwa/me', 'http://10.0.0.1/ucwa/me'])(
    'refuses plain http to %s before any request',
    async (href) => {
      await refused(transport.get(href));
      expect(fetchCalls).toHaveLength(0);
      expect(other.requests).toHaveLength(0);
      expect(() =>
        createTransport({
          origin: new URL(href).origin,
          format: 'json',
          auth: { getToken: async () => ({ accessToken: TOKEN }) },
        }),
      ).toThrow(/loopback/);
    },
  );

  it('sends the token only in Authorization, never in the URL', async () => {
    await transport.get('/ucwa/people', { query: { q: '1' } });
    const [request] = trusted.requests;
    expect(request?.url).toBe('/ucwa/people?q=1');
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });
});
