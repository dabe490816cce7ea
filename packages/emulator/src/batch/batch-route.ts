import { STATUS_CODES } from 'node:http';
import { parseMediaType } from '@ucwa/model';
import type { EmulatorCore } from '../core/core.ts';
import type { AppRoute, RouteContext } from '../features/feature.ts';
import { ucwaError } from '../http/errors.ts';
import type { EmulatorRequest, Reply, WireResponse } from '../http/types.ts';
import { type BatchPart, formatBatch, parseBatch } from './multipart.ts';

/** Runs one inner request; the dispatcher provides it. */
export type ExecuteInner = (request: EmulatorRequest) => Promise<WireResponse>;

function innerRequest(ctx: RouteContext, part: BatchPart): EmulatorRequest {
  const headers = new Headers();
  for (const [name, value] of part.headers) headers.append(name, value);
  const outerAuth = ctx.request.headers.get('Authorization');
  if (!headers.has('Authorization') && outerAuth !== null) headers.set('Authorization', outerAuth);
  const url = new URL(part.target, ctx.request.url.origin);
  return {
    method: part.method,
    url,
    headers,
    body: Buffer.from(part.body, 'utf8'),
    signal: ctx.request.signal,
  };
}

/** BatchingRequests.md: no batch, photo or events request inside a batch. */
const REFUSED = /\/(batch|events|photos?)(\/|$|\?)/i;

async function runBatch(
  core: EmulatorCore,
  ctx: RouteContext,
  executeInner: ExecuteInner,
): Promise<Reply> {
  let boundary: string | undefined;
  try {
    const type = parseMediaType(ctx.request.headers.get('Content-Type') ?? '');
    boundary = type.essence === 'multipart/batching' ? type.parameters.boundary : undefined;
  } catch {
    boundary = undefined;
  }
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
  const answers = await Promise.all(
    parts.map(async (part) => {
      if (REFUSED.test(part.target)) {
        return {
          status: 400,
          statusText: 'Bad Request',
          headers: [],
          body: JSON.stringify({ code: 'BadRequest' }),
        };
      }
      const wire = await executeInner(innerRequest(ctx, part));
      return {
        status: wire.status,
        statusText: STATUS_CODES[wire.status] ?? '',
        headers: wire.headers,
        body: Buffer.from(wire.body).toString('utf8'),
      };
    }),
  );
  const out = core.ids.uuid();
  return {
    kind: 'raw',
    status: 200,
    contentType: `multipart/batching; boundary="${out}"`,
    body: formatBatch(answers, out),
  };
}

/** The `batch` route of every application. */
export function batchRoute(core: EmulatorCore, executeInner: ExecuteInner): AppRoute {
  return { method: 'POST', path: 'batch', handle: (ctx) => runBatch(core, ctx, executeInner) };
}
