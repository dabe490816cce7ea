import { gzipSync } from 'node:zlib';
import type { CodecTable } from '../wire/negotiate.ts';
import { codecForAccept, contentTypeFor } from '../wire/negotiate.ts';
import type { HeaderList, Reply, WireResponse } from './types.ts';

export interface RespondOptions {
  readonly accept: string | null;
  readonly acceptEncoding: string | null;
  readonly codecs: CodecTable;
  readonly ucwaVersion: string;
  /** Headers every response of this request carries (CORS). */
  readonly extra?: HeaderList;
  readonly drop?: boolean;
  /** Skip compression (parts of a batch). */
  readonly noGzip?: boolean;
}

function encodeBody(
  reply: Reply,
  options: RespondOptions,
): { type?: string; body: string | Uint8Array } {
  if (reply.kind === 'raw') {
    return {
      ...(reply.contentType === undefined ? {} : { type: reply.contentType }),
      body: reply.body ?? '',
    };
  }
  const codec = codecForAccept(options.accept, options.codecs);
  const type = contentTypeFor(codec, options.accept);
  if (reply.kind === 'resource') return { type, body: codec.encodeResource(reply.resource) };
  if (reply.kind === 'events') return { type, body: codec.encodeEventBatch(reply.batch) };
  return { type, body: codec.encodeError(reply.error) };
}

function acceptsGzip(header: string | null): boolean {
  return (header ?? '')
    .split(',')
    .some((part) => /^\s*(gzip|\*)\s*(;\s*q=(?!0(\.0*)?\s*$)[0-9.]+\s*)?$/i.test(part));
}

/**
 * Encodes a reply for the wire: JSON or XML by `Accept`, `ETag` for versioned
 * resources, `X-MS-UcwaVersion` always, gzip when the client accepts it.
 */
export function respond(reply: Reply, options: RespondOptions): WireResponse {
  const { type, body } = encodeBody(reply, options);
  let bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const own = reply.kind === 'events' ? [] : (reply.headers ?? []);
  const has = (name: string): boolean => own.some(([n]) => n.toLowerCase() === name.toLowerCase());
  const headers: [string, string][] = [['X-MS-UcwaVersion', options.ucwaVersion]];
  if (!has('Cache-Control')) headers.push(['Cache-Control', 'no-cache']);
  headers.push(['Vary', 'Accept, Accept-Encoding']);
  if (type !== undefined && bytes.length > 0) headers.push(['Content-Type', type]);
  if (reply.kind === 'resource' && reply.resource.etag !== undefined) {
    headers.push(['ETag', `"${reply.resource.etag}"`]);
  }
  for (const [name, value] of own) headers.push([name, value]);
  for (const [name, value] of options.extra ?? []) headers.push([name, value]);
  if (options.noGzip !== true && bytes.length > 0 && acceptsGzip(options.acceptEncoding)) {
    bytes = gzipSync(bytes);
    headers.push(['Content-Encoding', 'gzip']);
  }
  return {
    status: reply.status,
    headers,
    body: bytes,
    ...(options.drop === true ? { drop: true } : {}),
  };
}
