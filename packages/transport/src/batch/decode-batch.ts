import { parseMediaType } from '@ucwa/model';
import { isUcwaHttpError, isUcwaOriginError, isUcwaResponseError } from '../errors/guards.ts';
import { summarizeRequest } from '../errors/request-summary.ts';
import { UcwaResponseError } from '../errors/response-error.ts';
import type { TransportContext } from '../http/context.ts';
import { readAnswer } from '../http/read-answer.ts';
import type { Sent } from '../http/send-spec.ts';
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

/** A part's answer as a {@link Sent}, so `readAnswer` applies the same rules as to a response. */
function partSent(part: EncodedPart, message: string): Sent {
  const request = summarizeRequest(part.request.method, part.url);
  const empty = { status: 0, statusText: '', headers: new Headers(), url: part.url, request };
  let parsed: ReturnType<typeof readHttpMessage>;
  try {
    parsed = readHttpMessage(message);
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new UcwaResponseError(`the batch part's headers are invalid: ${why}`, {
      request,
      status: 0,
      contentType: undefined,
      cause,
    });
  }
  const status = Number(/^HTTP\/\d(?:\.\d)?\s+(\d{3})(?:\s|$)/.exec(parsed.startLine)?.[1] ?? 0);
  if (status === 0) {
    const line = JSON.stringify(parsed.startLine.slice(0, 80));
    throw new UcwaResponseError(`the batch part's status line ${line} is invalid`, {
      request,
      status: 0,
      contentType: parsed.headers.get('content-type') ?? undefined,
    });
  }
  return { ...empty, status, headers: parsed.headers, body: parsed.body };
}

/** One part's result: read by `readAnswer`; any error is the part's, not the batch's. */
async function decodePart(
  ctx: TransportContext,
  part: EncodedPart,
  message: string | undefined,
): Promise<BatchResult> {
  let status = 0;
  try {
    if (message === undefined) {
      throw new UcwaResponseError('the batch answer has no part for this request', {
        request: summarizeRequest(part.request.method, part.url),
        status,
        contentType: undefined,
      });
    }
    const sent = partSent(part, message);
    status = sent.status;
    const answer = await readAnswer(ctx, sent, 'answer');
    const { headers, resource, location } = answer;
    return { ok: true, status, headers, resource, location };
  } catch (error) {
    if (isUcwaHttpError(error) || isUcwaResponseError(error)) {
      return { ok: false, status: error.status, error };
    }
    if (isUcwaOriginError(error)) return { ok: false, status, error };
    throw error;
  }
}

/** Per-part results in request order (BatchingRequests.md: part n answers request n). */
export function decodeBatch(
  ctx: TransportContext,
  parts: readonly EncodedPart[],
  text: string,
  boundary: string,
): Promise<BatchResult[]> {
  const messages = readMultipart(text, boundary);
  return Promise.all(parts.map((part, index) => decodePart(ctx, part, messages[index])));
}
