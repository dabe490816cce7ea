import { type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { internalError, plainError, tooLarge } from './plain-error.ts';
import { isValidHost, targetUrl } from './target.ts';
import type { EmulatorRequest, RequestHeaders, WireResponse } from './types.ts';

/** node's parsed headers (lower-cased names) seen as {@link RequestHeaders}, without a copy. */
function headerView(req: IncomingMessage): RequestHeaders {
  const value = (name: string): string | null => {
    const found = req.headers[name.toLowerCase()];
    if (found === undefined) return null;
    return Array.isArray(found) ? found.join(', ') : found;
  };
  return { get: value, has: (name) => value(name) !== null };
}

const EMPTY = new Uint8Array(0);

/** Reads a body up to `maxBytes`; `undefined` when it is larger. */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Uint8Array | undefined> {
  if (
    req.headers['content-length'] === undefined &&
    req.headers['transfer-encoding'] === undefined
  ) {
    req.resume();
    return Promise.resolve(EMPTY);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= maxBytes) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > maxBytes ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Writes a wire response; a dropped one sends half its body and destroys the socket. */
export function writeResponse(res: ServerResponse, wire: WireResponse): void {
  // A flat [name, value, ...] list: node takes it as is, repeated names included.
  const headers: string[] = [];
  for (const [name, value] of wire.headers) headers.push(name, value);
  if (wire.status !== 204) headers.push('Content-Length', String(wire.body.byteLength));
  res.writeHead(wire.status, headers);
  if (wire.drop === true) {
    res.write(wire.body.subarray(0, Math.floor(wire.body.byteLength / 2)), () =>
      res.socket?.destroy(),
    );
    return;
  }
  res.end(wire.body);
}

/** The emulator's view of a node request, or the error answer for one it cannot read. */
function toRequest(
  req: IncomingMessage,
  body: Uint8Array,
  fallbackHost: string,
  signal: AbortSignal,
): EmulatorRequest | WireResponse {
  const host = req.headers.host ?? fallbackHost;
  if (!isValidHost(host)) return plainError(400, 'InvalidHost', 'The Host header is not valid.');
  const url = targetUrl(req.url ?? '/', `http://${host}`);
  if (url === undefined)
    return plainError(400, 'InvalidTarget', 'The request target is not valid.');
  const method = (req.method ?? 'GET').toUpperCase();
  return { method, url, headers: headerView(req), body, signal };
}

/** A node:http request listener over `handle`. */
export function nodeListener(
  handle: (request: EmulatorRequest) => Promise<WireResponse>,
  maxBytes: number,
  fallbackHost: () => string,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    void (async () => {
      const body = await readBody(req, maxBytes);
      if (body === undefined) return writeResponse(res, tooLarge());
      const request = toRequest(req, body, fallbackHost(), controller.signal);
      const wire = 'status' in request ? request : await handle(request);
      if (!res.destroyed) writeResponse(res, wire);
    })().catch(() => {
      if (res.headersSent) res.destroy();
      else if (!res.destroyed) writeResponse(res, internalError());
    });
  };
}

/**
 * Answers a request node could not parse (`clientError`) with a UCWA body: 431 for
 * headers over the limit, 400 for anything else; a socket already written to is closed.
 */
export function onClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable || (socket as Socket & { _httpMessage?: unknown })._httpMessage) {
    socket.destroy();
    return;
  }
  const wire =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? plainError(431, 'RequestHeaderFieldsTooLarge', 'The request headers are too large.')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? plainError(408, 'RequestTimeout', 'The request took too long to arrive.')
        : plainError(400, 'MalformedRequest', 'The request is not valid HTTP.');
  const head = [`HTTP/1.1 ${wire.status} ${STATUS_CODES[wire.status] ?? ''}`];
  for (const [name, value] of wire.headers) head.push(`${name}: ${value}`);
  head.push(`Content-Length: ${wire.body.byteLength}`, 'Connection: close', '', '');
  socket.end(Buffer.concat([Buffer.from(head.join('\r\n')), wire.body]));
}
