import { afterEach, describe, expect, it } from 'vitest';
import {
  type EventsBody,
  eventList,
  type Harness,
  local,
  type Session,
  signIn,
  untilPending,
} from './helpers.ts';

let h: Harness;
afterEach(async () => {
  await h?.server.close();
});

async function available(s: Session): Promise<void> {
  const res = await s.post(s.app._embedded.me._links.makeMeAvailable?.href ?? '', {
    signInAs: 'Online',
    supportedModalities: ['Messaging'],
  });
  expect(res.status).toBe(204);
}

/** Drains the channel so the next P-GET starts clean; returns the next href. */
async function drain(s: Session, href = s.eventsHref): Promise<string> {
  const pending = s.get(href);
  await untilPending(h.clock);
  h.clock.advance(180_000);
  return ((await (await pending).json()) as EventsBody)._links.next?.href ?? '';
}

describe('me', () => {
  it('requires makeMeAvailable before presence, then links presence, note, location', async () => {
    h = await local();
    const s = await signIn(h);
    const before = await s.get(`${s.appHref}/me/presence`);
    expect(before.status).toBe(409);
    expect(await before.json()).toMatchObject({ subcode: 'MakeMeAvailableRequired' });
    await available(s);
    const me = (await (await s.get(`${s.appHref}/me`)).json()) as {
      _links: Record<string, unknown>;
    };
    expect(Object.keys(me._links)).toEqual(
      expect.arrayContaining(['presence', 'note', 'location', 'reportMyActivity']),
    );
    expect(me._links.makeMeAvailable).toBeUndefined();
    expect(await (await s.get(`${s.appHref}/me/presence`)).json()).toMatchObject({
      rel: 'presence',
      availability: 'Online',
    });
    expect((await s.post(`${s.appHref}/me/reportMyActivity`, undefined)).status).toBe(204);
  });

  it('sends presence and note updates to every application of the user', async () => {
    h = await local();
    const a = await signIn(h, 'alice');
    const b = await signIn(h, 'alice', { EndpointId: 'other-device' });
    await available(a);
    await available(b);
    const next = await drain(b);
    const pending = b.get(next);
    await untilPending(h.clock);
    expect((await a.post(`${a.appHref}/me/presence`, { availability: 'Busy' })).status).toBe(204);
    expect((await a.post(`${a.appHref}/me/note`, { message: 'Heads down' })).status).toBe(204);
    expect((await a.post(`${a.appHref}/me/location`, { location: 'Beach' })).status).toBe(204);
    h.clock.advance(5_000);
    const body = (await (await pending).json()) as EventsBody;
    expect(eventList(body)).toEqual([
      'me:updated:presence',
      'me:updated:note',
      'me:updated:location',
    ]);
    expect(body.sender[0]?.href).toBe(`${b.appHref}/me`);
    expect(await (await b.get(`${b.appHref}/me/note`)).json()).toMatchObject({
      message: 'Heads down',
      type: 'Personal',
    });
    expect(await (await b.get(`${b.appHref}/me/presence`)).json()).toMatchObject({
      availability: 'Busy',
    });
  });

  it('validates enumerations from the catalog', async () => {
    h = await local();
    const s = await signIn(h);
    await available(s);
    const res = await s.post(`${s.appHref}/me/presence`, { availability: 'Sleepy' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: 'BadRequest',
      subcode: 'ParameterValidationFailure',
      parameters: [{ name: 'availability', value: 'Sleepy' }],
    });
  });

  it('serves phones and a phone', async () => {
    h = await local();
    const s = await signIn(h);
    const phones = (await (await s.get(`${s.appHref}/me/phones`)).json()) as {
      _embedded: { phone: { _links: { self: { href: string } } }[] };
    };
    const href = phones._embedded.phone[0]?._links.self.href ?? '';
    expect(await (await s.get(href)).json()).toMatchObject({ rel: 'phone', type: 'Work' });
  });
});

describe('conditional PUT', () => {
  async function read(s: Session): Promise<{ etag: string; body: Record<string, unknown> }> {
    const res = await s.get(`${s.appHref}/me/callForwardingSettings`);
    return {
      etag: res.headers.get('ETag') ?? '',
      body: (await res.json()) as Record<string, unknown>,
    };
  }
  const put = (s: Session, body: unknown, ifMatch?: string) =>
    s.get(`${s.appHref}/me/callForwardingSettings`, {
      method: 'PUT',
      headers: {
        'Content-Type': 'application/json',
        ...(ifMatch === undefined ? {} : { 'If-Match': ifMatch }),
      },
      body: JSON.stringify(body),
    });

  it('needs If-Match (428), a current ETag (412), and the random property (400)', async () => {
    h = await local();
    const s = await signIn(h);
    const { etag, body } = await read(s);
    expect(etag).toMatch(/^"\d{10}"$/);
    const secret = Object.keys(body).find((k) => body[k] === 'please pass this in a PUT request');
    expect(secret).toBeDefined();
    const changed: Record<string, unknown> = { ...body, activeSetting: 'ImmediateForward' };
    expect(await (await put(s, changed)).json()).toMatchObject({ code: 'PreconditionRequired' });
    expect((await put(s, changed, '"1"')).status).toBe(412);
    const { [secret ?? '']: _, ...withoutSecret } = changed;
    const missing = await put(s, withoutSecret, etag);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ subcode: 'ParameterValidationFailure' });
    const done = await put(s, { ...changed, futureProperty: 'kept' }, etag);
    expect(done.status).toBe(200);
    const after = await read(s);
    expect(after.etag).not.toBe(etag);
    expect(after.body).toMatchObject({ activeSetting: 'ImmediateForward', futureProperty: 'kept' });
    expect((await put(s, changed, etag)).status).toBe(412);
  });

  it('accepts its own representation played back unchanged', async () => {
    h = await local();
    const s = await signIn(h);
    const { etag, body } = await read(s);
    const res = await put(s, body, etag);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ activeSetting: body.activeSetting });
  });

  it('answers 428 for the status code itself', async () => {
    h = await local();
    const s = await signIn(h);
    expect((await put(s, {})).status).toBe(428);
  });

  it('works for another feature through the same machinery (communication)', async () => {
    h = await local();
    const s = await signIn(h);
    const res = await s.get(`${s.appHref}/communication`);
    const body = (await res.json()) as Record<string, unknown>;
    const ok = await s.get(`${s.appHref}/communication`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': res.headers.get('ETag') ?? '' },
      body: JSON.stringify({ ...body, audioPreference: 'PhoneAudio' }),
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ audioPreference: 'PhoneAudio' });
  });
});
