import { STATUS_CODES } from 'node:http';
import { parseMediaType } from '@ucwa/model';
import type { CoreParts } from '../core/core.ts';
import type { AppRoute, RouteContext } from '../features/feature.ts';
import { ucwaError } from '../http/errors.ts';
import { targetUrl } from '../http/target.ts';
import type { EmulatorRequest, Reply, WireResponse } from '../http/types.ts';
import { type BatchPart, type BatchResponsePart, formatBatch, parseBatch } from './multipart.ts';

/** Runs one inner request through the whole pipeline. */
export type ExecuteInner = (request: EmulatorRequest) => Promise<WireResponse>;

/** A part as a request, or why it cannot be one (a bad header or target). */
function innerRequest(ctx: RouteContext, part: BatchPart): EmulatorRequest | string {
  const headers = new Headers();
  for (const [name, value] of part.headers) {
    try {
      headers.append(name, value);
    } catch {
      return `The header ${JSON.stringify(name)} of this part is not valid.`;
    }
  }
  const outerAuth = ctx.request.headers.get('Authorization');
  if (!headers.has('Authorization') && outerAuth !== null) headers.set('Authorization', outerAuth);
  const url = targetUrl(part.target, ctx.request.url.origin);
  if (url === undefined) return `The target ${JSON.stringify(part.target)} is not valid.`;
  const body = Buffer.from(part.body, 'utf8');
  return { method: part.method, url, headers, body, signal: ctx.request.signal, batchPart: true };
}

const badPart = (message: string): BatchResponsePart => ({
  status: 400,
  statusText: 'Bad Request',
  headers: [['Content-Type', 'application/json; charset=utf-8']],
  body: JSON.stringify({ code: 'BadRequest', subcode: 'InvalidBatchPart', message }),
});

async function answer(
  ctx: RouteContext,
  part: BatchPart,
  inner: ExecuteInner,
): Promise<BatchResponsePart> {
  const request = innerRequest(ctx, part);
  if (typeof request === 'string') return badPart(request);
  const wire = await inner(request);
  return {
    status: wire.status,
    statusText: STATUS_CODES[wire.status] ?? '',
    headers: wire.headers,
    body: Buffer.from(wire.body).toString('utf8'),
  };
}

function boundaryOf(header: string | null): string | undefined {
  try {
    const type = parseMediaType(header ?? '');
    return type.essence === 'multipart/batching' ? type.parameters.boundary : undefined;
  } catch {
    return undefined;
  }
}

async function runBatch(core: CoreParts, ctx: RouteContext, inner: ExecuteInner): Promise<Reply> {
  const boundary = boundaryOf(ctx.request.headers.get('Content-Type'));
  if (boundary === undefined)
    return ucwaError(415, 'UnsupportedMediaType', {
      message: 'Expected multipart/batching with a boundary.',
    });
  let parts: BatchPart[];
  try {
    parts = parseBatch(ctx.text, boundary);
  } catch (error) {
    return ucwaError(400, 'DeserializationFailure', { message: (error as Error).message });
  }
  // The batch request itself is outstanding too; BatchingRequests.md: over the limit,
  // nothing in the batch runs.
  const outstanding = (core.outstanding.get(ctx.user.address.toLowerCase()) ?? 1) - 1;
  if (outstanding + parts.length > core.options.maxOutstandingRequests) {
    return ucwaError(429, undefined, {
      message: 'Too many outstanding requests.',
      headers: [['Retry-After', '1']],
    });
  }
  const answers = await Promise.all(parts.map((part) => answer(ctx, part, inner)));
  const out = core.ids.uuid();
  return {
    kind: 'raw',
    status: 200,
    contentType: `multipart/batching; boundary="${out}"`,
    body: formatBatch(answers, out),
  };
}

/**
 * The `batch` route of every application. Each part runs through the whole pipeline;
 * the event channel, batch and photo routes refuse parts (checked on the parsed target).
 */
export function batchRoute(core: CoreParts, inner: ExecuteInner): AppRoute {
  return { method: 'POST', path: 'batch', handle: (ctx) => runBatch(core, ctx, inner) };
}
