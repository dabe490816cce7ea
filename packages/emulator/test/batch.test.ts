import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, local, signIn, untilPending } from './helpers.ts';

let h: Harness;
afterEach(async () => {
  await h?.server.close();
});

function batchBody(
  boundary: string,
  parts: { method: string; path: string; body?: string }[],
): string {
  return `${parts
    .map(
      (p) =>
        `--${boundary}\r\nContent-Type: application/http; msgtype=request\r\n\r\n${p.method} ${p.path} HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n` +
        (p.body === undefined ? '\r\n' : `Content-Type: application/json\r\n\r\n${p.body}`) +
        '\r\n',
    )
    .join('')}--${boundary}--\r\n`;
}

describe('batch', () => {
  it('runs parts with bodies and answers in order', async () => {
    h = await local();
    const s = await signIn(h);
    const body = batchBody('b1', [
      { method: 'POST', path: `${s.appHref}/me/makeMeAvailable`, body: '{"signInAs":"Busy"}' },
      { method: 'GET', path: `${s.appHref}/me/presence` },
      { method: 'GET', path: `${s.appHref}/me` },
      { method: 'GET', path: `${s.appHref}/events?ack=1` },
    ]);
    const res = await s.get(`${s.appHref}/batch`, {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/batching;boundary=b1', Accept: 'multipart/batching' },
      body,
    });
    expect(res.status).toBe(200);
    const type = res.headers.get('Content-Type') ?? '';
    expect(type).toMatch(/^multipart\/batching; boundary="/);
    const boundary = /boundary="([^"]+)"/.exec(type)?.[1] ?? '';
    const text = await res.text();
    const parts = text.split(`--${boundary}`).slice(1, -1);
    expect(parts).toHaveLength(4);
    expect(parts.map((p) => /HTTP\/1.1 (\d+)/.exec(p)?.[1])).toEqual(['204', '200', '200', '400']);
    expect(parts[0]).toContain('Content-Type: application/http; msgtype=response');
    expect(parts[1]).toContain('"availability":"Busy"');
    expect(parts[2]).toContain('"rel":"me"');
  });

  it('refuses a batch that would pass 100 outstanding requests with 429, running none', async () => {
    h = await local();
    const s = await signIn(h);
    const parts = Array.from({ length: 101 }, () => ({
      method: 'POST',
      path: `${s.appHref}/me/makeMeAvailable`,
      body: '{}',
    }));
    const res = await s.get(`${s.appHref}/batch`, {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/batching; boundary=zz' },
      body: batchBody('zz', parts),
    });
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({ code: 'TooManyRequests' });
    const me = (await (await s.get(`${s.appHref}/me`)).json()) as {
      _links: Record<string, unknown>;
    };
    expect(me._links.makeMeAvailable).toBeDefined();
  });

  it('counts requests already outstanding', async () => {
    h = await local({ maxOutstandingRequests: 3 });
    const s = await signIn(h);
    h.server.faults.add({ path: '/me/phones', action: { type: 'delay', ms: 1000 } });
    const slow = [s.get(`${s.appHref}/me/phones`), s.get(`${s.appHref}/me/phones`)];
    await untilPending(h.clock, 2); // both are held by their delay
    const parts = [
      { method: 'GET', path: `${s.appHref}/me` },
      { method: 'GET', path: `${s.appHref}/me` },
    ];
    const res = await s.get(`${s.appHref}/batch`, {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/batching; boundary=q' },
      body: batchBody('q', parts),
    });
    expect(res.status).toBe(429);
    h.clock.advance(1000);
    await Promise.all(slow);
  });

  it('refuses a body that is not multipart/batching', async () => {
    h = await local();
    const s = await signIn(h);
    expect((await s.post(`${s.appHref}/batch`, {})).status).toBe(415);
  });
});
