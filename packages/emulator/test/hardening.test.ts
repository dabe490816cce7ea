import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { defaultFeatures } from '../src/features/defaults.ts';
import { client, inProcess } from './in-process.ts';

const batchOf = (parts: string[]): string =>
  `${parts.map((p) => `--b\r\nContent-Type: application/http; msgtype=request\r\n\r\n${p}\r\n`).join('')}--b--\r\n`;

describe('batch', () => {
  it('refuses events, nested batches and photos by the parsed target', async () => {
    const e = inProcess();
    const c = await client(e, 'alice');
    const targets = [
      `GET ${c.app}/events#x`,
      `GET ${c.app}\\events`,
      `GET ${c.app}//events?ack=1`,
      `GET ${c.app}/EVENTS`,
      `POST ${c.app}/batch`,
      `GET ${c.app}/photos/bob@contoso.com`,
      `GET http://ucwa.test${c.app}/events`,
    ];
    const res = await c.get(`${c.app}/batch`, {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/batching; boundary=b' },
      body: batchOf(targets.map((t) => `${t} HTTP/1.1\r\nAccept: application/json\r\n`)),
    });
    const statuses = [...(await res.text()).matchAll(/HTTP\/1\.1 (\d+)/g)].map((m) => m[1]);
    expect(statuses).toEqual(targets.map(() => '400'));
  });

  it('answers a bad part 400 and the others normally', async () => {
    const e = inProcess();
    const c = await client(e, 'alice');
    const res = await c.get(`${c.app}/batch`, {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/batching; boundary=b' },
      body: batchOf([
        `POST ${c.app}/me/makeMeAvailable HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{}`,
        `GET ${c.app}/me HTTP/1.1\r\nBad Header: x\r\n`,
        `GET ${c.app}/me HTTP/1.1\r\nX-Ok: a\u0000b\r\n`,
        `GET http://[bad/x HTTP/1.1\r\n`,
        `GET ${c.app}/me/presence HTTP/1.1\r\nAccept: application/json\r\n`,
      ]),
    });
    expect(res.status).toBe(200);
    const statuses = [...(await res.text()).matchAll(/HTTP\/1\.1 (\d+)/g)].map((m) => m[1]);
    expect(statuses).toEqual(['204', '400', '400', '400', '200']);
  });

  it('leaks no outstanding-request slot after 500 aborted batches and P-GETs', async () => {
    const e = inProcess({ maxOutstandingRequests: 5 });
    const c = await client(e, 'alice');
    e.emulator.faults.add({ path: '/me/phones', action: { type: 'delay', ms: 1_000 } });
    const events = c.cursor.replace('&medium=0&low=0', '');
    for (let round = 0; round < 500; round++) {
      const batch = new AbortController();
      const pget = new AbortController();
      const held = [
        c.get(`${c.app}/batch`, {
          method: 'POST',
          signal: batch.signal,
          headers: { 'Content-Type': 'multipart/batching; boundary=b' },
          body: batchOf([`GET ${c.app}/me/phones HTTP/1.1\r\n`]),
        }),
        c.get(events, { signal: pget.signal }),
      ];
      // Both are held inside the emulator (a delay timer and a P-GET timer) when aborted.
      while (e.clock.pending() < 2) await new Promise((resolve) => setImmediate(resolve));
      batch.abort();
      pget.abort();
      e.clock.advance(1_000);
      await Promise.allSettled(held);
    }
    const one = await c.get(`${c.app}/batch`, {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/batching; boundary=b' },
      body: batchOf([`GET ${c.app}/me HTTP/1.1\r\n`]),
    });
    expect(one.status).toBe(200);
  }, 30_000);
});

describe('headers and bodies', () => {
  it('refuses X-MS-RequiresMinResourceVersion Infinity, 1e400 and garbage', async () => {
    const e = inProcess();
    const c = await client(e, 'alice');
    const version = (v: string) =>
      c.get(`${c.app}/me`, { headers: { 'X-MS-RequiresMinResourceVersion': v } });
    expect((await version('Infinity')).status).toBe(404);
    expect(await (await version('1e400')).json()).toMatchObject({
      subcode: 'APIVersionNotSupported',
    });
    expect((await version('two')).status).toBe(400);
    expect((await version('2')).status).toBe(200);
  });

  it('answers 406 when every type in Accept has q=0', async () => {
    const e = inProcess();
    const res = await e.fetch('/', { headers: { Accept: 'application/json;q=0, */*;q=0' } });
    expect(res.status).toBe(406);
    expect((await e.fetch('/', { headers: { Accept: 'text/html, */*;q=0.1' } })).status).toBe(200);
  });

  it('decodes bodies in their charset; an unknown charset is 415', async () => {
    const e = inProcess();
    const c = await client(e, 'alice');
    await c.post(`${c.app}/me/makeMeAvailable`);
    const latin1 = Buffer.from('{"message":"Caf\u00e9 at 12"}', 'latin1');
    const sent = await c.get(`${c.app}/me/note`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=iso-8859-1' },
      body: latin1,
    });
    expect(sent.status).toBe(204);
    expect(await (await c.get(`${c.app}/me/note`)).json()).toMatchObject({ message: 'Café at 12' });
    const unknown = await c.get(`${c.app}/me/note`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=x-unknown' },
      body: '{}',
    });
    expect(unknown.status).toBe(415);
  });

  it('answers 500 without the internal error text', async () => {
    const e = inProcess({
      features: [
        ...defaultFeatures,
        () => ({
          name: 'broken',
          routes: [
            {
              method: 'GET',
              path: 'broken',
              handle: () => {
                throw new TypeError('secret internals');
              },
            },
          ],
        }),
      ],
    });
    const c = await client(e, 'alice');
    const res = await c.get(`${c.app}/broken`);
    expect(res.status).toBe(500);
    expect(await res.text()).not.toMatch(/secret|TypeError/);
  });
});

describe('tokens and seeds', () => {
  it('forgets 100,000 expired tokens: the heap ends where it started', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const e = inProcess({ tokenLifetimeS: 60 });
    const grant = () =>
      e.fetch('/WebTicket/oauthtoken', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=password&username=alice&password=demo',
      });
    for (let i = 0; i < 2_000; i++) await grant();
    e.clock.advance(61_000);
    await grant();
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 100_000; i++) await grant();
    e.clock.advance(61_000);
    await grant();
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    expect(grown).toBeLessThan(4 * 1024 * 1024);
  }, 60_000);

  it('hands out different tokens per run, the same with a seed', async () => {
    const first = async (seed?: number) => {
      const e = inProcess(seed === undefined ? {} : { seed });
      const c = await client(e, 'alice');
      return c.auth.Authorization;
    };
    const { createEmulator } = await import('../src/emulator.ts');
    const unseeded = async () => {
      const em = createEmulator();
      const res = await em.fetch(
        new Request('http://ucwa.test/WebTicket/oauthtoken', {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: 'grant_type=password&username=alice&password=demo',
        }),
      );
      return ((await res.json()) as { access_token: string }).access_token;
    };
    expect(await unseeded()).not.toBe(await unseeded());
    expect(await first(5)).toBe(await first(5));
  });
});
