import type { UcwaHttpError } from '../errors/http-error.ts';
import type { CallOptions } from '../http/call-options.ts';
import type { TransportContext } from '../http/context.ts';
import { failureOf, responseError } from '../http/read-answer.ts';
import { readBoundedText } from '../http/read-body.ts';
import { send } from '../http/send.ts';
import { callSpec } from '../http/send-spec.ts';
import { sleep } from '../signals.ts';
import { assertBatchable, type BatchRequest, type BatchResult } from './batch-request.ts';
import { boundaryOf, decodeBatch } from './decode-batch.ts';
import { type EncodedPart, encodeBatch } from './encode-batch.ts';

/** Room per part for the multipart framing, its status line and headers. */
const PART_OVERHEAD = 16 * 1024;

type ChunkOutcome = { readonly results: BatchResult[] } | { readonly tooMany: UcwaHttpError };

async function postChunk(
  ctx: TransportContext,
  url: URL,
  parts: readonly EncodedPart[],
  options: CallOptions,
): Promise<ChunkOutcome> {
  const boundary = crypto.randomUUID();
  const spec = {
    ...callSpec('POST', url, options),
    body: encodeBatch(ctx.codecs, boundary, parts),
    contentType: `multipart/batching;boundary=${boundary}`,
    accept: 'multipart/batching',
    permits: parts.length,
  };
  return send(ctx, spec, async (sent): Promise<ChunkOutcome> => {
    if (sent.status === 429) return { tooMany: await failureOf(ctx, sent) };
    if (sent.status < 200 || sent.status > 299) throw await failureOf(ctx, sent);
    const contentType = sent.headers.get('content-type');
    const answerBoundary = boundaryOf(contentType);
    if (answerBoundary === undefined) {
      const what = JSON.stringify(contentType ?? '(none)');
      throw responseError(ctx, sent, `expected multipart/batching, got ${what}`);
    }
    // The whole answer is bounded by what its parts may hold; each part by `maxBytes`.
    const limit = (ctx.maxBytes + PART_OVERHEAD) * parts.length;
    const text =
      typeof sent.body === 'string' ? sent.body : await readBoundedText(sent.body, limit);
    if (text === undefined)
      throw responseError(ctx, sent, `the batch answer is larger than ${limit} bytes`);
    return { results: await decodeBatch(ctx, parts, text, answerBoundary) };
  });
}

/**
 * Sends `parts`; on 429 (nothing in the batch ran, BatchingRequests.md) waits
 * (`Retry-After` or backoff, within the retry limit and budget), splits the batch in two
 * and sends each half, so results stay in request order.
 */
async function sendChunk(
  ctx: TransportContext,
  url: URL,
  parts: readonly EncodedPart[],
  options: CallOptions,
  attempt: number,
): Promise<BatchResult[]> {
  const outcome = await postChunk(ctx, url, parts, options);
  if ('results' in outcome) return outcome.results;
  const wait = ctx.retry.batchDelay(outcome.tooMany.response.headers, attempt);
  if (wait === undefined) throw outcome.tooMany;
  ctx.logger.debug?.('ucwa batch 429: splitting', { parts: parts.length, attempt, wait });
  await sleep(wait, ctx.timers, options.signal);
  if (parts.length === 1) return sendChunk(ctx, url, parts, options, attempt + 1);
  const half = Math.ceil(parts.length / 2);
  const first = await sendChunk(ctx, url, parts.slice(0, half), options, attempt + 1);
  const second = await sendChunk(ctx, url, parts.slice(half), options, attempt + 1);
  return [...first, ...second];
}

/**
 * Runs a batch: checks every part (trusted origin, nothing the reference forbids), sends
 * chunks of at most the outstanding-request limit, and returns per-part results in
 * request order.
 */
export async function runBatch(
  ctx: TransportContext,
  url: URL,
  requests: readonly BatchRequest[],
  options: CallOptions,
): Promise<BatchResult[]> {
  const parts = requests.map((request): EncodedPart => {
    const partUrl = ctx.policy.resolve(request.href);
    assertBatchable(request, partUrl);
    if (partUrl.href === url.href)
      throw new TypeError('a batch cannot contain a request to the batch resource');
    return { request, url: partUrl };
  });
  const results: BatchResult[] = [];
  for (let start = 0; start < parts.length; start += ctx.limiter.limit) {
    const chunk = parts.slice(start, start + ctx.limiter.limit);
    results.push(...(await sendChunk(ctx, url, chunk, options, 1)));
  }
  return results;
}
