import { describe, expect, it } from 'vitest';
import { isUcwaHttpError, isUcwaOriginError, isUcwaResponseError } from '../src/index.ts';
import { countingProvider, fail, fakeTransport, ORIGIN } from './helpers/fake-server.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

const png = (): Response =>
  new Response(PNG, { status: 200, headers: { 'content-type': 'image/png' } });

describe('getBytes', () => {
  it('reads a photo as the bytes sent, with the token and an image Accept', async () => {
    const { fetch, transport } = fakeTransport(png);
    const answer = await transport.getBytes('/ucwa/oauth/v1/applications/1/photos/bob');
    expect(answer).toMatchObject({ status: 200, contentType: 'image/png' });
    expect([...answer.bytes]).toEqual([...PNG]);
    expect(answer.url).toBe(`${ORIGIN}/ucwa/oauth/v1/applications/1/photos/bob`);
    expect(fetch.seen[0]?.headers.get('authorization')).toBe('Bearer token-1');
    expect(fetch.seen[0]?.headers.get('accept')).toMatch(/^image\/\*/);
  });

  it('a failure status is a UcwaHttpError, a body over maxBytes a UcwaResponseError', async () => {
    const missing = fakeTransport(() =>
      fail(404, { code: 'NotFound', subcode: 'ResourceNotFound' }),
    ).transport;
    const notFound = await missing.getBytes('/photos/nobody').catch((e: unknown) => e);
    expect(isUcwaHttpError(notFound) && notFound.status).toBe(404);

    // Chunked (no Content-Length): counted as it streams.
    const big = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(8));
        controller.enqueue(new Uint8Array(8));
        controller.close();
      },
    });
    const small = fakeTransport(
      () => new Response(big, { headers: { 'content-type': 'image/png' } }),
      { maxBytes: 10 },
    ).transport;
    const tooBig = await small.getBytes('/photos/bob').catch((e: unknown) => e);
    expect(isUcwaResponseError(tooBig)).toBe(true);
  });

  it('refuses an untrusted origin before sending anything', async () => {
    const { fetch, transport } = fakeTransport(png);
    const refused = await transport
      .getBytes('https://elsewhere.test/photo')
      .catch((e: unknown) => e);
    expect(isUcwaOriginError(refused)).toBe(true);
    expect(fetch.seen).toHaveLength(0);
  });
});

describe('currentToken', () => {
  it('is the token in use while it is valid, and nothing before sign-in or after expiry', async () => {
    let now = 1_000_000;
    const { transport } = fakeTransport(png, {
      auth: countingProvider(60_000, () => now),
      now: () => now,
    });
    expect(transport.currentToken()).toBeUndefined();
    await transport.getBytes('/photos/bob');
    expect(transport.currentToken()).toEqual({ accessToken: 'token-1', expiresAt: 1_060_000 });
    now += 60_000;
    expect(transport.currentToken()).toBeUndefined();
  });
});
