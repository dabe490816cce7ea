import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createTransport,
  type FetchExtras,
  isUcwaHttpError,
  isUcwaNetworkError,
  isUcwaOriginError,
  isUcwaResponseError,
  isUcwaTimeoutError,
  isUcwaTransportError,
} from '../src/index.ts';
import {
  countingProvider,
  fail,
  fakeTransport,
  JSON_TYPE,
  ORIGIN,
  ok,
  resource,
} from './helpers/fake-server.ts';

const setup = fakeTransport;

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

afterEach(() => {
  vi.useRealTimers();
});

describe('content negotiation', () => {
  it('sends Accept and Authorization, decodes by Content-Type, keeps the ETag and X-MS-UcwaVersion', async () => {
    const me = resource('me', '/ucwa/me', { name: 'Dana', emailAddresses: ['d@contoso.test'] });
    const { fetch, transport } = setup(() => ok(me, { etag: '"42"', 'x-ms-ucwaversion': '1.7' }));
    const answer = await transport.getResponse('/ucwa/me');
    expect(answer.resource?.properties.name).toBe('Dana');
    expect(answer.resource?.etag).toBe('"42"');
    expect(answer.ucwaVersion).toBe('1.7');
    const seen = fetch.seen[0];
    expect(seen?.headers.get('accept')).toBe(JSON_TYPE);
    expect(seen?.headers.get('authorization')).toBe('Bearer token-1');
    expect(seen?.url).toBe(`${ORIGIN}/ucwa/me`);
  });

  it('posts the encoded input with Content-Type and returns a 201 Location as an absolute URL', async () => {
    const { fetch, transport } = setup(
      () => new Response(null, { status: 201, headers: { location: '/ucwa/apps/1' } }),
    );
    const answer = await transport.post('/ucwa/apps', {
      properties: { userAgent: 'test', culture: 'en-US' },
    });
    expect(answer.status).toBe(201);
    expect(answer.location).toBe(`${ORIGIN}/ucwa/apps/1`);
    expect(answer.resource).toBeUndefined();
    expect(fetch.seen[0]?.headers.get('content-type')).toBe(JSON_TYPE);
    expect(JSON.parse(fetch.seen[0]?.body ?? '')).toEqual({ userAgent: 'test', culture: 'en-US' });
  });

  it('posts a message text as it is, with its own content type (sendMessage)', async () => {
    const { fetch, transport } = setup(
      () => new Response(null, { status: 201, headers: { location: '/ucwa/messages/7' } }),
    );
    const text = 'Hello <b>Bob</b> & co ✓';
    const answer = await transport.post('/ucwa/messaging/messages', {
      text,
      contentType: 'text/html; charset=utf-8',
    });
    expect(answer.location).toBe(`${ORIGIN}/ucwa/messages/7`);
    expect(fetch.seen[0]?.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(fetch.seen[0]?.body).toBe(text);
  });

  it('takes an empty 204', async () => {
    const { transport } = setup(() => new Response(null, { status: 204 }));
    const answer = await transport.delete('/ucwa/apps/1');
    expect(answer.status).toBe(204);
    expect(answer.resource).toBeUndefined();
  });

  it.each([
    ['text/html', '<html>proxy</html>'],
    [null, '{"rel":"me"}'],
  ])('refuses content type %s with a typed error', async (contentType, body) => {
    const { transport } = setup(
      () =>
        new Response(body, {
          headers: contentType === null ? {} : { 'content-type': contentType },
        }),
    );
    const error = await caught(transport.get('/ucwa/me'));
    expect(isUcwaResponseError(error)).toBe(true);
    expect(String(error)).toMatch(/unexpected content type/);
  });

  it('wraps a body that does not decode, keeping the UcwaDecodeError as cause', async () => {
    const { transport } = setup(
      () => new Response('{"rel":', { headers: { 'content-type': JSON_TYPE } }),
    );
    const error = await caught(transport.get('/ucwa/me'));
    expect(isUcwaResponseError(error)).toBe(true);
    expect((error as Error).cause).toMatchObject({ name: 'UcwaDecodeError' });
  });

  it('sends X-MS-RequiresMinResourceVersion when asked, per transport or per call', async () => {
    const { fetch, transport } = setup(() => ok(resource('me', '/ucwa/me')), {
      minResourceVersion: 2,
    });
    await transport.get('/ucwa/me');
    await transport.get('/ucwa/me', { minResourceVersion: 4 });
    expect(fetch.seen.map((s) => s.headers.get('x-ms-requiresminresourceversion'))).toEqual([
      '2.0',
      '4.0',
    ]);
  });

  it('follows a link, picking by revision and asking for it', async () => {
    const people = resource(
      'people',
      '/ucwa/people',
      {},
      {
        myContacts: [
          { rel: 'myContacts', href: '/ucwa/contacts-v1' },
          { rel: 'myContacts', href: '/ucwa/contacts-v2', revision: 2 },
        ],
      },
    );
    const { fetch, transport } = setup(() => ok(resource('myContacts', '/ucwa/contacts-v2')));
    await transport.follow(people, 'myContacts', { minRevision: 2 });
    expect(fetch.seen[0]?.url).toBe(`${ORIGIN}/ucwa/contacts-v2`);
    expect(fetch.seen[0]?.headers.get('x-ms-requiresminresourceversion')).toBe('2.0');
    await expect(transport.follow(people, 'myContacts', { minRevision: 3 })).rejects.toThrow(
      /revision 3/,
    );
  });

  it('does not send a token when auth is false (discovery)', async () => {
    const { fetch, transport } = setup(() => ok(resource('root', '/autodiscover')));
    await transport.get('/autodiscover', { auth: false });
    expect(fetch.seen[0]?.headers.has('authorization')).toBe(false);
  });
});

describe('errors', () => {
  it('maps a UCWA error body onto UcwaHttpError with diagnostics, version and the redacted request', async () => {
    const { transport } = setup(() =>
      fail(
        404,
        {
          code: 'NotFound',
          subcode: 'ApplicationNotFound',
          message: 'gone',
          parameters: [{ name: 'x', value: 'y' }],
          debugInfo: { diagnostics: '1' },
        },
        { 'x-ms-diagnostics': '28020;source="s";reason="r"', 'x-ms-ucwaversion': '1.7' },
      ),
    );
    const error = await caught(transport.get('/ucwa/apps/1?access_token=leak'));
    if (!isUcwaHttpError(error)) throw error;
    expect(error).toMatchObject({
      name: 'UcwaHttpError',
      status: 404,
      code: 'NotFound',
      subcode: 'ApplicationNotFound',
      serverMessage: 'gone',
      parameters: [{ name: 'x', value: 'y' }],
      debugInfo: { diagnostics: '1' },
      diagnostics: '28020;source="s";reason="r"',
      ucwaVersion: '1.7',
    });
    expect(error.request.method).toBe('GET');
    expect(error.request.url).toBe(`${ORIGIN}/ucwa/apps/1?access_token=%5BREDACTED%5D`);
    expect(error.request.headers.authorization).toBe('Bearer [REDACTED]');
    expect(JSON.stringify(error)).not.toContain('token-1');
    expect(error.message).not.toContain('token-1');
    expect(isUcwaTransportError(error)).toBe(true);
  });

  it('keeps a non-UCWA error body out of the code', async () => {
    const { transport } = setup(
      () => new Response('<html/>', { status: 500, headers: { 'content-type': 'text/html' } }),
    );
    const error = await caught(transport.get('/ucwa/x'));
    expect(error).toMatchObject({ name: 'UcwaHttpError', status: 500, code: undefined });
  });

  it('turns a failed fetch into UcwaNetworkError with the cause', async () => {
    const { transport } = setup(() => {
      throw new TypeError('fetch failed');
    });
    const error = await caught(transport.get('/ucwa/x'));
    expect(isUcwaNetworkError(error)).toBe(true);
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    // ky's own NetworkError holds the Request with its Authorization header: not kept.
    expect((error as Error).cause).not.toHaveProperty('request');
  });

  it('rejects with the caller’s abort reason', async () => {
    const controller = new AbortController();
    const { transport } = setup(() => new Promise<Response>(() => undefined));
    const pending = transport.get('/ucwa/x', { signal: controller.signal });
    controller.abort(new Error('user left'));
    await expect(pending).rejects.toThrow('user left');
  });

  it('times out with UcwaTimeoutError (default 30 s, per call overridable)', async () => {
    vi.useFakeTimers();
    const { transport } = setup(() => new Promise<Response>(() => undefined));
    const pending = caught(transport.get('/ucwa/x'));
    await vi.advanceTimersByTimeAsync(29_999);
    const short = caught(transport.get('/ucwa/y', { timeout: 100 }));
    await vi.advanceTimersByTimeAsync(100);
    const error = await short;
    expect(isUcwaTimeoutError(error)).toBe(true);
    expect(error).toMatchObject({ timeout: 100 });
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toMatchObject({ name: 'UcwaTimeoutError', timeout: 30_000 });
  });

  it('refuses an href on another origin before any request', async () => {
    const { fetch, transport } = setup(() => ok(resource('x', '/x')));
    const error = await caught(transport.get('https://evil.test/ucwa'));
    expect(isUcwaOriginError(error)).toBe(true);
    expect(fetch.seen).toHaveLength(0);
  });
});

describe('P-GET and long requests', () => {
  it('holds an event channel GET for 600 s of fake time without a client-side timeout', async () => {
    vi.useFakeTimers();
    let answer: (response: Response) => void = () => undefined;
    const batch = JSON.stringify({
      _links: { self: { href: '/ucwa/events?ack=1' }, next: { href: '/ucwa/events?ack=2' } },
      sender: [],
    });
    const { fetch, transport } = setup(
      () =>
        new Promise<Response>((resolve) => {
          answer = resolve;
        }),
    );
    const pending = transport.getEvents('/ucwa/events?ack=1&timeout=900', { timeout: 1_900_000 });
    let settled = false;
    void pending.finally(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(600_000);
    expect(settled).toBe(false);
    expect(fetch.seen).toHaveLength(1);
    answer(new Response(batch, { headers: { 'content-type': JSON_TYPE } }));
    const events = await pending;
    expect(events.next).toBe('/ucwa/events?ack=2');
  });
  it('hands its fetch the call’s signal and timeout (what a Node dispatcher needs)', async () => {
    const inits: (RequestInit & FetchExtras)[] = [];
    const transport = createTransport({
      origin: ORIGIN,
      format: 'json',
      auth: countingProvider(),
      retry: false,
      fetch: (input, init) => {
        inits.push(init ?? {});
        const signal = init?.signal ?? input.signal;
        return new Promise<Response>((resolve, reject) => {
          if (input.url.endsWith('/hold')) {
            signal.addEventListener('abort', () => reject(signal.reason), { once: true });
            return;
          }
          resolve(ok(resource('me', '/me')));
        });
      },
    });
    await transport.get('/me');
    await transport.get('/me', { timeout: false });
    const controller = new AbortController();
    const held = transport.getEvents('/hold', { signal: controller.signal, timeout: 1_900_000 });
    await vi.waitFor(() => expect(inits).toHaveLength(3));
    expect(inits.map((init) => init.ucwaTimeout)).toEqual([30_000, false, 1_900_000]);
    // A call that can neither time out nor be aborted needs no signal of its own.
    expect(inits.map((init) => init.signal instanceof AbortSignal)).toEqual([true, false, true]);
    controller.abort(new Error('left the page'));
    await expect(held).rejects.toThrow('left the page');
    expect(inits[2]?.signal?.aborted).toBe(true);
  });
});

describe('outstanding request limit', () => {
  it('never has more than `limit` requests outstanding, 20 by default', async () => {
    let active = 0;
    let peak = 0;
    // Every answer waits until 20 requests are in flight at once; none could be more.
    const { promise: full, resolve: fill } = Promise.withResolvers<void>();
    const { transport } = setup(async () => {
      active++;
      peak = Math.max(peak, active);
      if (active === 20) fill();
      await full;
      active--;
      return ok(resource('x', '/x'));
    });
    await Promise.all(Array.from({ length: 60 }, (_, i) => transport.get(`/ucwa/x${i}`)));
    expect(peak).toBe(20);
  });

  it.each([0, 101, 1.5])('refuses limit %s', (limit) => {
    expect(() =>
      createTransport({ origin: ORIGIN, format: 'json', auth: countingProvider(), limit }),
    ).toThrow(RangeError);
  });
});

describe('ETag cache', () => {
  it('sends If-None-Match and answers a 304 from the cache', async () => {
    const photo = resource('me', '/ucwa/me', { name: 'A' });
    const { fetch, transport } = setup(
      (request) =>
        request.headers.get('if-none-match') === '"v1"'
          ? new Response(null, { status: 304 })
          : ok(photo, { etag: '"v1"' }),
      { cache: true },
    );
    const first = await transport.getResponse('/ucwa/me');
    const second = await transport.getResponse('/ucwa/me');
    expect(first.fromCache).toBe(false);
    expect(second.fromCache).toBe(true);
    expect(second.resource).toEqual(first.resource);
    expect(fetch.seen[1]?.headers.get('if-none-match')).toBe('"v1"');
    await transport.get('/ucwa/me', { cache: false });
    expect(fetch.seen[2]?.headers.has('if-none-match')).toBe(false);
  });
});
