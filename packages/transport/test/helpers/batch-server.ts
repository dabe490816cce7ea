import type { UcwaErrorBody, UnknownResource } from '@ucwa/model';
import type { Codec } from '../../src/index.ts';
import { fakeFetch, resource } from './fake-server.ts';

/** One request the fake batch server found in a multipart body (parsed independently of src/). */
export interface PartSeen {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export function parseBatchRequest(contentType: string, text: string): PartSeen[] {
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1] ?? '';
  return text
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((chunk) => {
      // Skip the part's own headers (up to the first blank line): the rest is the message.
      const message = chunk.slice(chunk.indexOf('\r\n\r\n') + 4);
      const split = message.indexOf('\r\n\r\n');
      const head = message.slice(0, split).split('\r\n');
      const body = message.slice(split + 4).replace(/\r\n$/, '');
      const [method = '', path = ''] = (head[0] ?? '').split(' ');
      const headers: Record<string, string> = {};
      for (const line of head.slice(1)) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      return { method, path, headers, body };
    });
}

export type PartAnswer =
  | { status: number; resource?: UnknownResource; headers?: Record<string, string> }
  | { status: number; error: UcwaErrorBody };

function writeResponse(
  answer: PartAnswer,
  codec: Codec,
  encodeError: (body: UcwaErrorBody) => string,
): string {
  const mediaType = codec.mediaTypes[0] ?? '';
  const statusText = answer.status < 300 ? 'OK' : 'Error';
  let body = '';
  if ('error' in answer) body = encodeError(answer.error);
  else if (answer.resource !== undefined) body = codec.encodeResource(answer.resource);
  const lines = [`HTTP/1.1 ${answer.status} ${statusText}`, 'Cache-Control: no-cache'];
  if (body !== '') lines.push(`Content-Type: ${mediaType}; charset=utf-8`);
  for (const [name, value] of Object.entries('headers' in answer ? (answer.headers ?? {}) : {}))
    lines.push(`${name}: ${value}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

/**
 * A batch endpoint at `/ucwa/apps/1/batch` answering each part with `answer`, or the
 * whole batch with 429 while `tooMany(parts)` says so.
 */
export function batchServer(options: {
  codec: Codec;
  encodeError: (body: UcwaErrorBody) => string;
  answer: (part: PartSeen) => PartAnswer;
  tooMany?: (parts: readonly PartSeen[]) => boolean;
  retryAfter?: string;
}) {
  const batches: PartSeen[][] = [];
  const fetch = fakeFetch((request) => {
    const parts = parseBatchRequest(request.headers.get('content-type') ?? '', request.body);
    batches.push(parts);
    if (options.tooMany?.(parts) === true) {
      return new Response(options.encodeError({ code: 'TooManyRequests' }), {
        status: 429,
        headers: {
          'content-type': options.codec.mediaTypes[0] ?? '',
          'retry-after': options.retryAfter ?? '1',
        },
      });
    }
    const boundary = 'b-3968fb75';
    const body = parts
      .map(
        (part) =>
          `--${boundary}\r\nContent-Type: application/http; msgtype=response\r\n\r\n${writeResponse(options.answer(part), options.codec, options.encodeError)}\r\n`,
      )
      .join('');
    return new Response(`${body}--${boundary}--\r\n`, {
      headers: { 'content-type': `multipart/batching; boundary="${boundary}"` },
    });
  });
  return { fetch, batches };
}

export const me = resource('me', '/ucwa/apps/1/me', {
  name: 'Dana Birkby',
  uri: 'sip:danab@contoso.test',
});
