import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createTransport, isUcwaResponseError, type TransportOptions } from '../src/index.ts';
import {
  countingProvider,
  fakeFetch,
  fakeTransport,
  type Handler,
  JSON_TYPE,
  ORIGIN,
} from './helpers/fake-server.ts';

const LIMIT = 1024;

function setup(handler: Handler, options: Partial<TransportOptions> = {}) {
  return fakeTransport(handler, { maxBytes: LIMIT, ...options });
}

/** A JSON resource of exactly `bytes` bytes in UTF-8 (padded in a property). */
function resourceText(bytes: number): string {
  const bare = JSON.stringify({ rel: 'me', _links: { self: { href: '/me' } }, name: '' });
  const text = JSON.stringify({
    rel: 'me',
    _links: { self: { href: '/me' } },
    name: 'x'.repeat(bytes - bare.length),
  });
  expect(new TextEncoder().encode(text).byteLength).toBe(bytes);
  return text;
}

/** A body as a stream of one-byte-short chunks, so no Content-Length tells its size. */
function streamed(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + 100));
      at += 100;
    },
  });
}

/** An answer whose length is declared in `Content-Length`, or only known by reading it. */
const answer = (status: number, text: string, declared: boolean) =>
  declared
    ? new Response(text, {
        status,
        headers: {
          'content-type': JSON_TYPE,
          'content-length': String(new TextEncoder().encode(text).byteLength),
        },
      })
    : new Response(streamed(text), { status, headers: { 'content-type': JSON_TYPE } });

describe('maxBytes while reading', () => {
  it.each([{ declared: true }, { declared: false }])(
    'a resource of maxBytes is read; one byte more is a UcwaResponseError (declared length: $declared)',
    async ({ declared }) => {
      const { transport } = setup((request) =>
        answer(200, resourceText(request.url.endsWith('/fits') ? LIMIT : LIMIT + 1), declared),
      );
      expect((await transport.get('/fits')).rel).toBe('me');
      const error = await transport.get('/over').catch((e: unknown) => e);
      expect(isUcwaResponseError(error)).toBe(true);
      expect(error).toMatchObject({
        status: 200,
        message: expect.stringContaining(`${LIMIT} bytes`),
      });
    },
  );

  it('an error body one byte over is a UcwaResponseError, not an HTTP error', async () => {
    const { transport } = setup(() => answer(500, ' '.repeat(LIMIT + 1), false));
    const error = await transport.get('/x').catch((e: unknown) => e);
    expect(isUcwaResponseError(error)).toBe(true);
    expect(error).toMatchObject({ status: 500 });
  });

  it('an event batch one byte over is a UcwaResponseError', async () => {
    const { transport } = setup(() => answer(200, resourceText(LIMIT + 1), false));
    const error = await transport.getEvents('/events', { timeout: false }).catch((e: unknown) => e);
    expect(isUcwaResponseError(error)).toBe(true);
  });

  it('a token answer one byte over is a UcwaResponseError', async () => {
    const token = JSON.stringify({ access_token: 'a', token_type: 'Bearer', expires_in: 3600 });
    const { transport } = setup(
      (request) => {
        if (request.url.endsWith('/token')) {
          return answer(200, token.padEnd(LIMIT + 1, ' '), false);
        }
        return new Response(null, {
          status: 401,
          headers: { 'www-authenticate': `MsRtcOAuth href=${ORIGIN}/token,grant_type="password"` },
        });
      },
      { auth: { username: 'u@contoso.test', password: 'pw' } },
    );
    const error = await transport.get('/user').catch((e: unknown) => e);
    expect(isUcwaResponseError(error)).toBe(true);
    expect((error as Error).message).toContain('token answer');
  });

  it('a batch part one byte over fails that part only, with a UcwaResponseError', async () => {
    const part = (text: string) =>
      `--b\r\nContent-Type: application/http; msgtype=response\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: ${JSON_TYPE}\r\n\r\n${text}\r\n`;
    const body = `${part(resourceText(LIMIT))}${part(resourceText(LIMIT + 1))}--b--\r\n`;
    const { transport } = setup(
      () => new Response(body, { headers: { 'content-type': 'multipart/batching;boundary=b' } }),
    );
    const [fits, over] = await transport.batch('/ucwa/batch', [
      { method: 'GET', href: '/ucwa/a' },
      { method: 'GET', href: '/ucwa/b' },
    ]);
    expect(fits?.ok).toBe(true);
    expect(over?.ok).toBe(false);
    expect(!over?.ok && isUcwaResponseError(over?.error)).toBe(true);
  });

  it('reads a declared length over the limit not at all', async () => {
    let pulled = 0;
    const { transport } = setup(
      () =>
        new Response(
          new ReadableStream({
            pull(controller) {
              pulled++;
              controller.enqueue(new Uint8Array(64));
            },
          }),
          { headers: { 'content-type': JSON_TYPE, 'content-length': String(LIMIT + 1) } },
        ),
    );
    await expect(transport.get('/x')).rejects.toSatisfy(isUcwaResponseError);
    // A stream starts by pulling once to fill its queue; nothing was read from it.
    expect(pulled).toBeLessThanOrEqual(1);
  });
});

describe('a hostile 1 GB answer', () => {
  const GB = 1024 ** 3;
  const MAX = 4 * 1024 * 1024;

  /** A generated 1 GB body, counted as it is pulled: nothing is allocated up front. */
  function gigabyte() {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const counter = { pulled: 0 };
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (counter.pulled >= GB) return controller.close();
        counter.pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    return { stream, counter };
  }

  it.each([200, 500])(
    'status %i: reading stops at about maxBytes, memory stays flat',
    async (status) => {
      const { stream, counter } = gigabyte();
      const transport = createTransport({
        origin: ORIGIN,
        format: 'json',
        auth: countingProvider(),
        retry: false,
        fetch: fakeFetch(
          () => new Response(stream, { status, headers: { 'content-type': JSON_TYPE } }),
        ),
      });
      const before = process.memoryUsage().rss;
      const error = await transport
        .getEvents('/events', { timeout: false })
        .catch((e: unknown) => e);
      expect(isUcwaResponseError(error)).toBe(true);
      expect(counter.pulled).toBeLessThan(MAX + 256 * 1024);
      expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    },
  );

  it('over real HTTP (a P-GET without timeout), the server can send little more than maxBytes', async () => {
    let written = 0;
    const server = createServer((_req, res: ServerResponse) => {
      res.writeHead(200, { 'content-type': JSON_TYPE });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = (): void => {
        while (written < GB && !res.destroyed) {
          written += chunk.byteLength;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const transport = createTransport({
        origin: `http://127.0.0.1:${port}`,
        format: 'json',
        auth: countingProvider(),
        retry: false,
      });
      const before = process.memoryUsage().rss;
      const error = await transport
        .getEvents('/events', { timeout: false })
        .catch((e: unknown) => e);
      expect(isUcwaResponseError(error)).toBe(true);
      expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
      // What the socket buffers held when reading stopped, at most; never the gigabyte.
      expect(written).toBeLessThan(MAX + 32 * 1024 * 1024);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
