import { afterEach, describe, expect, it } from 'vitest';
import { type EventsBody, type Harness, harness, local, signIn, untilPending } from './helpers.ts';

let h: Harness;
afterEach(async () => {
  await h?.server.close();
});

describe('faults', () => {
  it.each([500, 502, 503] as const)(
    'injects %i with Retry-After on the nth request only',
    async (status) => {
      h = await local();
      const s = await signIn(h);
      h.server.faults.add({
        path: '/me',
        method: 'GET',
        nth: 2,
        action: { type: 'status', status, retryAfter: 7 },
      });
      expect((await s.get(`${s.appHref}/me`)).status).toBe(200);
      const hit = await s.get(`${s.appHref}/me`);
      expect(hit.status).toBe(status);
      expect(hit.headers.get('Retry-After')).toBe('7');
      expect((await s.get(`${s.appHref}/me`)).status).toBe(200);
    },
  );

  it('delays a request on the injected clock', async () => {
    h = await local();
    const s = await signIn(h);
    h.server.faults.add({ path: '/me', action: { type: 'delay', ms: 30_000 } });
    let done = false;
    const res = s.get(`${s.appHref}/me`).then((r) => {
      done = true;
      return r;
    });
    await untilPending(h.clock);
    expect(done).toBe(false);
    h.clock.advance(30_000);
    expect((await res).status).toBe(200);
  });

  it.each([
    ['over a socket', harness],
    ['in process', local],
  ])('drops the connection mid-body (%s)', async (_, make) => {
    h = await make();
    const s = await signIn(h);
    h.server.faults.add({ path: '/me', action: { type: 'drop' }, times: 1 });
    const res = await s.get(`${s.appHref}/me`);
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });

  it('injects 409 PGetReplaced, 404 ApplicationNotFound and 429', async () => {
    h = await local();
    const s = await signIn(h);
    h.server.faults.add({ path: '/events', nth: 1, action: { type: 'pgetReplaced' } });
    h.server.faults.add({ path: '/me', nth: 1, action: { type: 'applicationNotFound' } });
    h.server.faults.add({
      path: '/policies',
      nth: 1,
      action: { type: 'tooManyRequests', retryAfter: 3 },
    });
    expect(await (await s.get(s.eventsHref)).json()).toMatchObject({
      code: 'Conflict',
      subcode: 'PGetReplaced',
    });
    expect(await (await s.get(`${s.appHref}/me`)).json()).toMatchObject({
      code: 'NotFound',
      subcode: 'ApplicationNotFound',
    });
    const limited = await s.get(`${s.appHref}/policies`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('3');
  });

  it('drops the application for good: 404 now, its waiting P-GET answered, a new one next time', async () => {
    h = await local();
    const s = await signIn(h);
    const waiting = s.get(s.eventsHref);
    await untilPending(h.clock);
    h.server.faults.add({ path: '/me', nth: 1, action: { type: 'dropApplication' } });
    expect(await (await s.get(`${s.appHref}/me`)).json()).toMatchObject({
      subcode: 'ApplicationNotFound',
    });
    expect(await (await waiting).json()).toMatchObject({ subcode: 'ApplicationNotFound' });
    // Not a passing refusal: the application is gone for every later request too.
    expect((await s.get(`${s.appHref}/policies`)).status).toBe(404);
    const again = await signIn(h);
    expect(again.appHref).not.toBe(s.appHref);
  });

  it('injects resync and resume on the event channel', async () => {
    h = await local();
    const s = await signIn(h);
    h.server.faults.add({ path: '/events', nth: 1, action: { type: 'resync' } });
    h.server.faults.add({ path: '/events', nth: 2, action: { type: 'resume' } });
    const resync = (await (await s.get(s.eventsHref)).json()) as EventsBody;
    expect(resync._links.resync?.href).toBe(s.eventsHref);
    const pending = s.get(s.eventsHref);
    await untilPending(h.clock);
    h.clock.advance(180_000);
    const resumed = (await (await pending).json()) as EventsBody;
    expect(resumed._links.resume?.href).toContain('ack=2');
  });

  it('expires the token of the matching request', async () => {
    h = await local();
    const s = await signIn(h);
    h.server.faults.add({ path: '/me', nth: 1, action: { type: 'expireToken' } });
    const res = await s.get(`${s.appHref}/me`);
    expect(res.status).toBe(401);
    expect(res.headers.get('WWW-Authenticate')).toContain('MsRtcOAuth');
    expect((await s.get(`${s.appHref}/policies`)).status).toBe(401);
  });

  it('is driven from the admin endpoint, with seeded probabilities', async () => {
    h = await local({ seed: 42 });
    const s = await signIn(h);
    const added = await h.fetch(`${h.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        pathPattern: '/ucwa/**/policies',
        probability: 0.5,
        action: { type: 'status', status: 503 },
      }),
    });
    expect(added.status).toBe(201);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await s.get(`${s.appHref}/policies`)).status);
    expect(statuses).toContain(503);
    expect(statuses).toContain(200);
    const listed = (await (await h.fetch(`${h.url}/_emulator/faults`)).json()) as {
      seen: number;
    }[];
    expect(listed[0]?.seen).toBe(12);
    // Same seed, same sequence.
    const again = await local({ seed: 42 });
    const s2 = await signIn(again);
    again.server.faults.add({
      path: /\/policies$/,
      probability: 0.5,
      action: { type: 'status', status: 503 },
    });
    const statuses2: number[] = [];
    for (let i = 0; i < 12; i++) statuses2.push((await s2.get(`${s2.appHref}/policies`)).status);
    await again.server.close();
    expect(statuses2).toEqual(statuses);
    expect((await h.fetch(`${h.url}/_emulator/faults`, { method: 'DELETE' })).status).toBe(204);
    expect((await s.get(`${s.appHref}/policies`)).status).toBe(200);
  });
});
