import { request as httpRequest } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../src/core/clock.ts';
import { createEmulator } from '../src/emulator.ts';
import { type Harness, harness, signIn, token } from './helpers.ts';

let h: Harness;
afterEach(async () => {
  await h?.server.close();
});

/** A raw GET, so the test sees the compressed bytes (fetch would inflate them). */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    })
      .on('error', reject)
      .end();
  });
}

describe('HTTP behaviour', () => {
  it('gzips when the request accepts it', async () => {
    h = await harness();
    const res = await rawGet(`${h.url}/`, {
      'Accept-Encoding': 'gzip, deflate',
      Accept: 'application/json',
    });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(res.body).toString())._links.user.href).toContain('/oauth/user');
    const plain = await rawGet(`${h.url}/`, { Accept: 'application/json' });
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('answers X-MS-RequiresMinResourceVersion above 2 with 404 APIVersionNotSupported', async () => {
    h = await harness();
    const s = await signIn(h.url);
    expect(
      (await s.get(`${s.appHref}/me`, { headers: { 'X-MS-RequiresMinResourceVersion': '2' } }))
        .status,
    ).toBe(200);
    const res = await s.get(`${s.appHref}/me`, {
      headers: { 'X-MS-RequiresMinResourceVersion': '4.0' },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('X-MS-UcwaVersion')).toBe('2.0');
    expect(await res.json()).toMatchObject({ code: 'NotFound', subcode: 'APIVersionNotSupported' });
  });

  it('allows configured CORS origins, with preflight', async () => {
    h = await harness({ cors: ['http://app.fabrikam.com'] });
    const pre = await fetch(`${h.url}/ucwa/oauth/v1/applications`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://app.fabrikam.com',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('Access-Control-Allow-Origin')).toBe('http://app.fabrikam.com');
    expect(pre.headers.get('Access-Control-Allow-Headers')).toBe('authorization,content-type');
    const simple = await fetch(`${h.url}/`, { headers: { Origin: 'http://app.fabrikam.com' } });
    expect(simple.headers.get('Access-Control-Expose-Headers')).toContain('WWW-Authenticate');
    const other = await fetch(`${h.url}/`, { headers: { Origin: 'http://evil.example' } });
    expect(other.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const refused = await fetch(`${h.url}/`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(refused.status).toBe(403);
  });

  it('refuses bodies over the limit with 413, and malformed bodies with 400', async () => {
    h = await harness({ maxBodyBytes: 1000 });
    const s = await signIn(h.url);
    const big = await s.post(`${s.appHref}/me/note`, { message: 'x'.repeat(2000) });
    expect(big.status).toBe(413);
    const bad = await s.get(`${s.appHref}/me/makeMeAvailable`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"a":',
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      code: 'BadRequest',
      subcode: 'DeserializationFailure',
    });
    const xmlBomb = await s.get(`${s.appHref}/me/makeMeAvailable`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/xml' },
      body: '<!DOCTYPE x [<!ENTITY a "b">]><input/>',
    });
    expect(xmlBomb.status).toBe(400);
    const wrongType = await s.get(`${s.appHref}/me/makeMeAvailable`, {
      method: 'POST',
      headers: { 'Content-Type': 'image/png' },
      body: 'x',
    });
    expect(wrongType.status).toBe(415);
  });

  it('answers 405 with Allow and 404 ResourceNotFound', async () => {
    h = await harness();
    const s = await signIn(h.url);
    const res = await s.get(`${s.appHref}/me`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe('GET');
    expect(await (await s.get(`${s.appHref}/nothing`)).json()).toMatchObject({
      code: 'NotFound',
      subcode: 'ResourceNotFound',
    });
  });
});

describe('applications', () => {
  it('deletes an application, then answers 404 ApplicationNotFound', async () => {
    h = await harness();
    const s = await signIn(h.url);
    const pending = s.get(s.eventsHref);
    expect((await s.get(s.appHref, { method: 'DELETE' })).status).toBe(204);
    expect((await pending).status).toBe(404);
    expect(await (await s.get(`${s.appHref}/me`)).json()).toMatchObject({
      subcode: 'ApplicationNotFound',
    });
  });

  it('expires an idle application after 15 minutes', async () => {
    h = await harness();
    const s = await signIn(h.url);
    h.clock.advance(14 * 60_000);
    expect((await s.get(`${s.appHref}/me`)).status).toBe(200);
    h.clock.advance(15 * 60_000 + 1);
    expect(await (await s.get(`${s.appHref}/me`)).json()).toMatchObject({
      code: 'NotFound',
      subcode: 'ApplicationNotFound',
    });
  });

  it('limits applications per user (409) and refuses blocked user agents (403)', async () => {
    h = await harness({ maxApplicationsPerUser: 2, blockedUserAgents: ['BadAgent'] });
    await signIn(h.url, 'bob', { EndpointId: '1' });
    await signIn(h.url, 'bob', { EndpointId: '2' });
    const bearer = await token(h.url, 'bob');
    const post = (body: Record<string, string>) =>
      fetch(`${h.url}/ucwa/oauth/v1/applications`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const third = await post({ UserAgent: 'x', EndpointId: '3', Culture: 'en-US' });
    expect(third.status).toBe(409);
    expect(await third.json()).toMatchObject({ code: 'Conflict', subcode: 'TooManyApplications' });
    expect((await post({ UserAgent: 'BadAgent', EndpointId: '1' })).status).toBe(403);
    expect((await post({ Culture: 'en-US' })).status).toBe(400);
    const list = (await (
      await fetch(`${h.url}/ucwa/oauth/v1/applications`, {
        headers: { Authorization: `Bearer ${bearer}` },
      })
    ).json()) as { _embedded: { application: unknown[] } };
    expect(list._embedded.application).toHaveLength(2);
  });

  it('keeps another user out of an application', async () => {
    h = await harness();
    const alice = await signIn(h.url, 'alice');
    const bob = await signIn(h.url, 'bob');
    expect(await (await bob.get(`${alice.appHref}/me`)).json()).toMatchObject({
      subcode: 'ApplicationNotFound',
    });
  });
});

describe('in-process fetch', () => {
  it('answers on the same routes without a socket', async () => {
    const emulator = createEmulator({ clock: createManualClock(0) });
    const res = await emulator.fetch(
      new Request('http://ucwa.test/', {
        headers: { Accept: 'application/vnd.microsoft.com.ucwa+xml' },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe(
      'application/vnd.microsoft.com.ucwa+xml; charset=utf-8',
    );
    expect(await res.text()).toContain(
      'href="http://ucwa.test/Autodiscover/AutodiscoverService.svc/root/oauth/user',
    );
    const tok = await emulator.fetch(
      new Request('http://ucwa.test/WebTicket/oauthtoken', {
        method: 'POST',
        body: 'grant_type=password&username=carol&password=demo',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      }),
    );
    expect(tok.status).toBe(200);
    emulator.close();
  });

  it('shares nothing between two emulators', async () => {
    const a = createEmulator();
    const b = createEmulator();
    const post = (e: typeof a) =>
      e.fetch(
        new Request('http://ucwa.test/WebTicket/oauthtoken', {
          method: 'POST',
          body: 'grant_type=password&username=alice&password=demo',
        }),
      );
    const t = ((await (await post(a)).json()) as { access_token: string }).access_token;
    const res = await b.fetch(
      new Request('http://ucwa.test/Autodiscover/AutodiscoverService.svc/root/oauth/user', {
        headers: { Authorization: `Bearer ${t}` },
      }),
    );
    expect(res.status).toBe(401);
  });
});
