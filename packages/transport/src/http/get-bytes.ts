import type { CallOptions } from './call-options.ts';
import type { TransportContext } from './context.ts';
import { failureOf, responseError } from './read-answer.ts';
import { send } from './send.ts';
import { callSpec, type Sent } from './send-spec.ts';

/** A binary answer (a photo), its bytes as the server sent them. */
export interface BytesAnswer {
  readonly status: number;
  /** The URL that answered (after trusted redirects). */
  readonly url: string;
  /** The answer's `Content-Type` (`image/png`, ...), or `undefined` when it had none. */
  readonly contentType: string | undefined;
  readonly bytes: Uint8Array;
}

/** The body's bytes, or `undefined` past `maxBytes` (reading stops there). */
async function boundedBytes(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  const body = response.body;
  if (declared > maxBytes) {
    body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let seen = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    seen += value.byteLength;
    if (seen > maxBytes) {
      reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const whole = new Uint8Array(seen);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  return whole;
}

async function readBytes(ctx: TransportContext, sent: Sent): Promise<BytesAnswer> {
  if (sent.status < 200 || sent.status > 299) throw await failureOf(ctx, sent);
  const bytes =
    typeof sent.body === 'string'
      ? new TextEncoder().encode(sent.body)
      : await boundedBytes(sent.body, ctx.maxBytes);
  if (bytes === undefined || bytes.byteLength > ctx.maxBytes)
    throw responseError(ctx, sent, `the body is larger than ${ctx.maxBytes} bytes`);
  return {
    status: sent.status,
    url: sent.url.href,
    contentType: sent.headers.get('content-type') ?? undefined,
    bytes,
  };
}

/**
 * A GET whose answer is read as bytes, not decoded (photos: contactPhoto_ref.md, photo_ref.md): auth, origin
 * policy, retries, timeouts and `maxBytes` as for any call; a failure status is a
 * `UcwaHttpError`.
 */
export function getBytes(ctx: TransportContext, url: URL, o: CallOptions): Promise<BytesAnswer> {
  return send(ctx, { ...callSpec('GET', url, o), accept: 'image/*, */*;q=0.8' }, (sent) =>
    readBytes(ctx, sent),
  );
}
