import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { bare } from './bare-client.ts';
import { type Harness, harness, signIn, untilPending } from './helpers.ts';

// What it takes to leave the emulator running: sockets that time out, an admin endpoint
// a web page cannot drive, answers for requests node cannot parse.

let h: Harness;
afterEach(async () => {
  await h?.server.close();
});

const closed = (socket: Socket): Promise<string> =>
  new Promise((resolve) => {
    let got = '';
    socket.on('data', (chunk: Buffer) => {
      got += chunk.toString();
    });
    socket.on('close', () => resolve(got));
  });

function open(url: string, write?: string): Socket {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname, () => {
    if (write !== undefined) socket.write(write);
  });
  socket.on('error', () => undefined);
  return socket;
}

describe('connections', () => {
  it('closes slow and silent connections while a P-GET is held for its full timeout', async () => {
    h = await harness({ headersTimeoutMs: 300, requestTimeoutMs: 300, keepAliveTimeoutMs: 200 });
    const s = await signIn(h.url);
    let answered = false;
    const pget = s.get(s.eventsHref).then((res) => {
      answered = true;
      return res;
    });
    await untilPending(h.clock);
    const silent = open(h.url);
    const slow = open(h.url, `GET / HTTP/1.1\r\nHost: x\r\n`);
    const [silentGot, slowGot] = await Promise.all([closed(silent), closed(slow)]);
    expect(slowGot).toMatch(/^HTTP\/1\.1 408/);
    expect(silentGot === '' || silentGot.startsWith('HTTP/1.1 408')).toBe(true);
    // The P-GET outlived both timeouts and is still held, until its own timeout.
    expect(answered).toBe(false);
    h.clock.advance(180_000);
    expect((await pget).status).toBe(200);
  });

  it('closes a keep-alive connection left idle after its answer', async () => {
    h = await harness({ keepAliveTimeoutMs: 200 });
    const idle = open(h.url, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(await closed(idle)).toMatch(/^HTTP\/1\.1 200 OK/);
  });

  it('caps the connections open at once', async () => {
    h = await harness({ maxConnections: 2 });
    const a = open(h.url);
    const b = open(h.url);
    await new Promise((resolve) => b.once('connect', resolve));
    const c = open(h.url);
    await closed(c);
    expect(a.destroyed || b.destroyed).toBe(false);
    a.destroy();
    b.destroy();
  });

  it('answers headers over the limit with 431 and a UCWA body', async () => {
    h = await harness();
    const res = await bare(h.url, 'GET', '/', { 'X-Big': 'x'.repeat(20_000) });
    expect(res.status).toBe(431);
    expect(res.json()).toMatchObject({ code: 'BadRequest' });
  });

  it('answers an invalid Host with 400, without internal error text', async () => {
    h = await harness();
    for (const host of ['a b', 'x/y', '[::1']) {
      const res = await bare(h.url, 'GET', '/', { Host: host });
      expect(res.status).toBe(400);
      expect(res.text).not.toMatch(/TypeError|Invalid URL/);
      expect(res.json()).toMatchObject({ code: 'BadRequest', subcode: 'InvalidHost' });
    }
  });
});

describe('the admin endpoint (a test facility)', () => {
  const rule = JSON.stringify({ path: '/policies', action: { type: 'status', status: 503 } });

  it('refuses a cross-origin or text/plain POST', async () => {
    h = await harness();
    const url = `${h.url}/_emulator/faults`;
    const crossSite = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Origin: 'https://evil.example' },
      body: rule,
    });
    expect(crossSite.status).toBe(403);
    const plain = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: rule,
    });
    expect(plain.status).toBe(415);
    const other = await fetch(url, {
      method: 'DELETE',
      headers: { Origin: 'https://evil.example' },
    });
    expect(other.status).toBe(403);
    expect(((await (await fetch(url)).json()) as unknown[]).length).toBe(0);
  });

  it('refuses a regular expression and bad rules with 400; takes bounded path patterns', async () => {
    h = await harness();
    const url = `${h.url}/_emulator/faults`;
    const post = (body: unknown) =>
      fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const action = { type: 'status', status: 503 };
    expect((await post({ pathRegex: '^/(a|aa)+$', action })).status).toBe(400);
    expect((await post({ pathPattern: 'x'.repeat(600), action })).status).toBe(400);
    expect((await post({ pathPattern: '/**/policies', action: { type: 'nope' } })).status).toBe(
      400,
    );
    expect((await post({ pathPattern: '/**/policies', nth: 'x', action })).status).toBe(400);
    const bad = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{',
    });
    expect(bad.status).toBe(400);
    // A pattern that would backtrack as a regular expression is only literal text here.
    expect((await post({ pathPattern: '/(a|aa)+*', action })).status).toBe(201);
    const s = await signIn(h.url);
    const listed = (await (await fetch(url)).json()) as { path: string }[];
    expect(listed[0]?.path).toBe('^\\/\\(a\\|aa\\)\\+[^/]*$');
    expect((await post({ pathPattern: '/ucwa/**/policies', action })).status).toBe(201);
    expect((await s.get(`${s.appHref}/policies`)).status).toBe(503);
  });
});
