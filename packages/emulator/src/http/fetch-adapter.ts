import { tooLarge } from './plain-error.ts';
import { targetUrl } from './target.ts';
import type { EmulatorRequest, WireResponse } from './types.ts';

/** A fetch `Request` as an {@link EmulatorRequest}, or a 413 when the body is too large. */
export async function toEmulatorRequest(
  request: Request,
  maxBytes: number,
): Promise<EmulatorRequest | WireResponse> {
  const declared = Number(request.headers.get('Content-Length') ?? '0');
  if (declared > maxBytes) return tooLarge();
  const body = new Uint8Array(await request.arrayBuffer());
  if (body.byteLength > maxBytes) return tooLarge();
  const parsed = new URL(request.url);
  // The same path rule as the socket: `//` runs collapse.
  const url = targetUrl(`${parsed.pathname}${parsed.search}`, parsed.origin) ?? parsed;
  return {
    method: request.method.toUpperCase(),
    url,
    headers: request.headers,
    body,
    signal: request.signal,
  };
}

/** A wire response as a fetch `Response`; a dropped one errors half-way through its body. */
export function toFetchResponse(wire: WireResponse): Response {
  const headers = new Headers();
  for (const [name, value] of wire.headers) headers.append(name, value);
  const nullBody = wire.status === 204 || wire.status === 304 || wire.body.byteLength === 0;
  if (wire.drop === true) {
    const half = wire.body.subarray(0, Math.floor(wire.body.byteLength / 2));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(half);
        controller.error(new TypeError('connection dropped by the emulator (fault)'));
      },
    });
    return new Response(stream, { status: wire.status, headers });
  }
  return new Response(nullBody ? null : Uint8Array.from(wire.body), {
    status: wire.status,
    headers,
  });
}
