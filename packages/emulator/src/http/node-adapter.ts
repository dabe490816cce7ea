import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorRequest, WireResponse } from './types.ts';

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

/** Reads a body up to `maxBytes`; `undefined` when it is larger. */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > maxBytes) over = true;
      else if (!over) chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Writes a wire response; a dropped one sends half its body and destroys the socket. */
export function writeResponse(res: ServerResponse, wire: WireResponse): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of wire.headers) {
    const key = name.toLowerCase();
    const prior = headers[key];
    headers[key] =
      prior === undefined ? value : Array.isArray(prior) ? [...prior, value] : [prior, value];
  }
  if (wire.status !== 204) headers['content-length'] = String(wire.body.byteLength);
  res.writeHead(wire.status, headers);
  if (wire.drop === true) {
    res.write(wire.body.subarray(0, Math.floor(wire.body.byteLength / 2)), () =>
      res.socket?.destroy(),
    );
    return;
  }
  res.end(wire.body);
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
      if (body === undefined) {
        const text = JSON.stringify({
          code: 'EntityTooLarge',
          message: 'The request is too large.',
        });
        writeResponse(res, {
          status: 413,
          headers: [['Content-Type', 'application/json; charset=utf-8']],
          body: Buffer.from(text),
        });
        return;
      }
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? fallbackHost()}`);
      const request: EmulatorRequest = {
        method: (req.method ?? 'GET').toUpperCase(),
        url,
        headers: toHeaders(req),
        body,
        signal: controller.signal,
      };
      const wire = await handle(request);
      if (!res.destroyed) writeResponse(res, wire);
    })().catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const text = JSON.stringify({ code: 'ServiceFailure', message: String(error) });
      writeResponse(res, {
        status: 500,
        headers: [['Content-Type', 'application/json; charset=utf-8']],
        body: Buffer.from(text),
      });
    });
  };
}
