import { parseMediaType, type UnknownResource } from '@ucwa/model';
import type { Codec } from '../codecs.ts';
import { UcwaHttpError } from '../errors/http-error.ts';
import { UcwaOriginError, UcwaResponseError } from '../errors/other-errors.ts';
import { type RequestSummary, summarizeRequest } from '../errors/ucwa-transport-error.ts';
import type { TransportContext } from '../http/context.ts';
import { redactUrl } from '../redact.ts';
import type { BatchResult } from './batch-request.ts';
import type { EncodedPart } from './encode-batch.ts';
import { readHttpMessage, readMultipart } from './multipart.ts';

/** The boundary of a `multipart/batching` content type, or `undefined`. */
export function boundaryOf(contentType: string | null): string | undefined {
  if (contentType === null) return undefined;
  try {
    const type = parseMediaType(contentType);
    return type.essence === 'multipart/batching' ? type.parameters.boundary : undefined;
  } catch {
    return undefined;
  }
}

interface PartAnswer {
  readonly part: EncodedPart;
  readonly request: RequestSummary;
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
  readonly codec: Codec | undefined;
}

/** A successful part: its `Location` checked against the trust list, its body decoded. */
function readSuccess(ctx: TransportContext, answer: PartAnswer): BatchResult {
  const { request, status, headers, body, codec, part } = answer;
  const contentType = headers.get('content-type') ?? undefined;
  try {
    let location: string | undefined;
    const raw = headers.get('location');
    if (raw !== null) {
      const url = new URL(raw, part.url);
      if (!ctx.policy.isTrusted(url)) {
        const shown = redactUrl(url);
        throw new UcwaOriginError(`Location ${shown} is not on a trusted origin`, shown, {
          request,
        });
      }
      location = url.href;
    }
    let resource: UnknownResource | undefined;
    if (body.trim() !== '') {
      if (codec === undefined) {
        const what = JSON.stringify(contentType ?? '(none)');
        throw new UcwaResponseError(`unexpected content type ${what}`, {
          request,
          status,
          contentType,
        });
      }
      const etag = headers.get('etag') ?? undefined;
      resource = codec.decodeResource(body, etag === undefined ? {} : { etag });
    }
    return { ok: true, status, headers, resource, location };
  } catch (error) {
    const known = error instanceof UcwaOriginError || error instanceof UcwaResponseError;
    const wrapped = known
      ? error
      : new UcwaResponseError('the part would not decode', {
          request,
          status,
          contentType,
          cause: error,
        });
    return { ok: false, status, error: wrapped };
  }
}

function decodePart(
  ctx: TransportContext,
  part: EncodedPart,
  message: string | undefined,
): BatchResult {
  const request = summarizeRequest(part.request.method, part.url);
  if (message === undefined) {
    const error = new UcwaResponseError('the batch answer has no part for this request', {
      request,
      status: 0,
      contentType: undefined,
    });
    return { ok: false, status: 0, error };
  }
  const { startLine, headers, body } = readHttpMessage(message);
  const status = Number(/^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(startLine)?.[1] ?? 0);
  const codec = ctx.codecs.forContentType(headers.get('content-type'));
  if (status >= 200 && status <= 299)
    return readSuccess(ctx, { part, request, status, headers, body, codec });
  const errorBody =
    codec === undefined || body.trim() === '' ? undefined : safe(() => codec.decodeError(body));
  const error = new UcwaHttpError({
    request,
    response: { status, statusText: '', headers, body: errorBody },
  });
  return { ok: false, status, error };
}

function safe<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** Per-part results in request order (BatchingRequests.md: part n answers request n). */
export function decodeBatch(
  ctx: TransportContext,
  parts: readonly EncodedPart[],
  text: string,
  boundary: string,
): BatchResult[] {
  const messages = readMultipart(text, boundary);
  return parts.map((part, index) => decodePart(ctx, part, messages[index]));
}
