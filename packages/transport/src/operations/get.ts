import type { EventBatch, UnknownResource } from '@ucwa/model';
import { UcwaResponseError } from '../errors/other-errors.ts';
import type { EtagCache } from '../etag-cache.ts';
import type { CallOptions, GetOptions } from '../http/call-options.ts';
import type { TransportContext } from '../http/context.ts';
import { readEventBatch, readResource } from '../http/read-response.ts';
import { type SendSpec, send } from '../http/send.ts';
import type { UcwaResponse } from '../http/ucwa-response.ts';

/** The parts of {@link CallOptions} every spec copies. */
export function callSpec(method: string, url: URL, options: CallOptions): SendSpec {
  return {
    method,
    url,
    headers: options.headers,
    signal: options.signal,
    timeout: options.timeout,
    minResourceVersion: options.minResourceVersion,
    auth: options.auth,
  };
}

/**
 * GET with the optional ETag cache: a cached entry's ETag goes out as `If-None-Match`, and
 * a 304 returns the cached resource.
 */
export async function getResponse(
  ctx: TransportContext,
  cache: EtagCache | undefined,
  url: URL,
  options: GetOptions,
): Promise<UcwaResponse> {
  const cached = cache?.get(url.href);
  const plain = callSpec('GET', url, options);
  const spec: SendSpec =
    cached === undefined ? plain : { ...plain, conditional: { 'if-none-match': cached.etag } };
  return send(ctx, spec, async (sent) => {
    if (sent.response.status === 304 && cached !== undefined) {
      await sent.response.body?.cancel();
      return {
        status: 304,
        url: sent.url.href,
        headers: sent.response.headers,
        ucwaVersion: sent.response.headers.get('x-ms-ucwaversion') ?? cached.ucwaVersion,
        etag: cached.etag,
        location: undefined,
        resource: cached.resource,
        fromCache: true,
      };
    }
    const answer = await readResource(ctx, sent);
    if (cache !== undefined && answer.etag !== undefined && answer.resource !== undefined) {
      cache.set(url.href, {
        etag: answer.etag,
        resource: answer.resource,
        ucwaVersion: answer.ucwaVersion,
      });
    }
    return answer;
  });
}

/** The resource of a GET answer, or a {@link UcwaResponseError} when it had none. */
export function resourceOf(answer: UcwaResponse, method = 'GET'): UnknownResource {
  if (answer.resource !== undefined) return answer.resource;
  throw new UcwaResponseError(`expected a resource, got an empty ${answer.status} answer`, {
    request: { method, url: answer.url, headers: {} },
    status: answer.status,
    contentType: answer.headers.get('content-type') ?? undefined,
  });
}

/** The event channel's pending GET (EventsInUCWA.md). */
export function getEventBatch(
  ctx: TransportContext,
  url: URL,
  options: CallOptions,
): Promise<EventBatch> {
  return send(ctx, callSpec('GET', url, options), (sent) => readEventBatch(ctx, sent));
}
