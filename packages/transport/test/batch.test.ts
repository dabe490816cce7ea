import * as json from '@ucwa/codec-json';
import * as xml from '@ucwa/codec-xml';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type BatchRequest, createTransport, type Format } from '../src/index.ts';
import { batchServer, me, type PartAnswer, type PartSeen } from './helpers/batch-server.ts';
import { countingProvider, ORIGIN, recordingTimers, resource } from './helpers/fake-server.ts';

const BATCH = '/ucwa/apps/1/batch';

const formats = [
  {
    format: 'json' as Format,
    codec: json,
    encodeError: json.encodeError,
    type: 'application/vnd.microsoft.com.ucwa+json',
  },
  {
    format: 'xml' as Format,
    codec: xml,
    encodeError: xml.encodeError,
    type: 'application/vnd.microsoft.com.ucwa+xml',
  },
];

function answer(part: PartSeen): PartAnswer {
  if (part.method === 'GET' && part.path === '/ucwa/apps/1/me')
    return { status: 200, resource: me };
  if (part.method === 'POST')
    return { status: 201, headers: { Location: '/ucwa/apps/1/conversations/7' } };
  if (part.method === 'PUT') return { status: 412, error: { code: 'PreconditionFailed' } };
  return { status: 404, error: { code: 'NotFound', subcode: 'ResourceNotFound' } };
}

const requests: BatchRequest[] = [
  { method: 'GET', href: '/ucwa/apps/1/me' },
  {
    method: 'POST',
    href: '/ucwa/apps/1/communication/messagingInvitations',
    input: { properties: { to: 'sip:a@contoso.test', operationId: 'op-1' } },
  },
  {
    method: 'PUT',
    href: '/ucwa/apps/1/me/note',
    resource: {
      ...resource('note', '/ucwa/apps/1/me/note', { message: 'hi', r4nd: 'x' }),
      etag: '"5"',
    },
  },
  { method: 'DELETE', href: '/ucwa/apps/1/gone' },
];

afterEach(() => {
  vi.useRealTimers();
});

describe.each(formats)('batch in $format', ({ format, codec, encodeError, type }) => {
  it('encodes each request with its body and decodes per-part results in request order', async () => {
    const server = batchServer({ codec, encodeError, answer });
    const transport = createTransport({
      origin: ORIGIN,
      format,
      codecs: { xml },
      auth: countingProvider(),
      fetch: server.fetch,
    });
    const results = await transport.batch(BATCH, requests);

    const outer = server.fetch.seen[0];
    expect(outer?.method).toBe('POST');
    expect(outer?.url).toBe(`${ORIGIN}${BATCH}`);
    expect(outer?.headers.get('content-type')).toMatch(/^multipart\/batching;boundary=/);
    expect(outer?.headers.get('accept')).toBe('multipart/batching');
    expect(outer?.headers.get('authorization')).toBe('Bearer token-1');

    const parts = server.batches[0] ?? [];
    expect(parts.map((p) => `${p.method} ${p.path}`)).toEqual(
      requests.map((r) => `${r.method} ${r.href}`),
    );
    expect(parts.every((p) => p.headers.host === 'ucwa.test' && p.headers.accept === type)).toBe(
      true,
    );
    expect(parts.some((p) => 'authorization' in p.headers)).toBe(false);
    expect(parts[1]?.headers['content-type']).toBe(type);
    expect(codec === json ? JSON.parse(parts[1]?.body ?? '') : parts[1]?.body).toEqual(
      codec === json
        ? { to: 'sip:a@contoso.test', operationId: 'op-1' }
        : expect.stringContaining('op-1'),
    );
    expect(parts[2]?.headers['if-match']).toBe('"5"');
    expect(parts[2]?.body).toContain('r4nd');

    expect(results.map((r) => r.status)).toEqual([200, 201, 412, 404]);
    const [got, created, conflict, missing] = results;
    expect(got?.ok && got.resource?.properties.name).toBe('Dana Birkby');
    expect(created?.ok && created.location).toBe(`${ORIGIN}/ucwa/apps/1/conversations/7`);
    expect(!conflict?.ok && conflict?.error).toMatchObject({
      name: 'UcwaHttpError',
      code: 'PreconditionFailed',
    });
    expect(!missing?.ok && missing?.error).toMatchObject({
      name: 'UcwaHttpError',
      subcode: 'ResourceNotFound',
    });
  });

  it('splits a batch rejected with 429 and retries the halves after Retry-After', async () => {
    vi.useFakeTimers();
    const timers = recordingTimers();
    const eight: BatchRequest[] = Array.from({ length: 8 }, () => ({
      method: 'GET',
      href: '/ucwa/apps/1/me',
    }));
    const server = batchServer({
      codec,
      encodeError,
      answer,
      tooMany: (parts) => parts.length > 2,
      retryAfter: '2',
    });
    const transport = createTransport({
      origin: ORIGIN,
      format,
      codecs: { xml },
      auth: countingProvider(),
      fetch: server.fetch,
      timers,
      timeout: false,
    });
    const pending = transport.batch(BATCH, eight);
    await vi.runAllTimersAsync();
    const results = await pending;
    expect(server.batches.map((b) => b.length)).toEqual([8, 4, 2, 2, 4, 2, 2]);
    expect(timers.waits).toEqual([2000, 2000, 2000]);
    expect(results).toHaveLength(8);
    expect(results.every((r) => r.ok && r.resource?.rel === 'me')).toBe(true);
  });
});

describe('batch limits', () => {
  it.each([
    { name: 'events', request: { method: 'GET', href: '/ucwa/apps/1/events?ack=3' } },
    { name: 'a photo', request: { method: 'GET', href: '/ucwa/apps/1/photos/danab@contoso.test' } },
    {
      name: 'a photo by rel',
      request: { method: 'GET', href: '/ucwa/apps/1/x', rel: 'contactPhoto' },
    },
    { name: 'a nested batch', request: { method: 'POST', href: BATCH } },
  ] as const)('refuses $name before sending anything', async ({ request }) => {
    const server = batchServer({ codec: json, encodeError: json.encodeError, answer });
    const transport = createTransport({
      origin: ORIGIN,
      format: 'json',
      auth: countingProvider(),
      fetch: server.fetch,
    });
    await expect(
      transport.batch(BATCH, [{ method: 'GET', href: '/ucwa/apps/1/me' }, request]),
    ).rejects.toThrow(TypeError);
    expect(server.fetch.seen).toHaveLength(0);
  });

  it('refuses a part on another origin', async () => {
    const server = batchServer({ codec: json, encodeError: json.encodeError, answer });
    const transport = createTransport({
      origin: ORIGIN,
      format: 'json',
      auth: countingProvider(),
      fetch: server.fetch,
    });
    await expect(
      transport.batch(BATCH, [{ method: 'GET', href: 'https://evil.test/x' }]),
    ).rejects.toMatchObject({ name: 'UcwaOriginError' });
    expect(server.fetch.seen).toHaveLength(0);
  });

  it('gives up with the 429 when splitting runs past the retry limit', async () => {
    vi.useFakeTimers();
    const server = batchServer({
      codec: json,
      encodeError: json.encodeError,
      answer,
      tooMany: () => true,
      retryAfter: '1',
    });
    const transport = createTransport({
      origin: ORIGIN,
      format: 'json',
      auth: countingProvider(),
      fetch: server.fetch,
      timeout: false,
    });
    const pending = transport
      .batch(BATCH, [{ method: 'GET', href: '/ucwa/apps/1/me' }])
      .catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    expect(await pending).toMatchObject({ name: 'UcwaHttpError', status: 429 });
    expect(server.batches).toHaveLength(3);
  });
});
