import type { EventBatch } from '@ucwa/model';
import type { EtagCache } from '../etag-cache.ts';
import type { CallOptions, GetOptions } from '../http/call-options.ts';
import type { TransportContext } from '../http/context.ts';
import { readAnswer, type Wanted } from '../http/read-answer.ts';
import { send } from '../http/send.ts';
import { callSpec } from '../http/send-spec.ts';

/**
 * A GET read as `want` (the resource alone, or the whole answer). With the ETag cache, a
 * cached entry's ETag goes out as `If-None-Match` and a 304 returns the cached resource.
 */
export function getAs<W extends 'resource' | 'answer'>(
  ctx: TransportContext,
  cache: EtagCache | undefined,
  url: URL,
  options: GetOptions,
  want: W,
): Promise<Wanted[W]> {
  const plain = callSpec('GET', url, options);
  if (cache === undefined) return send(ctx, plain, want);
  const cached = cache.get(url.href);
  const spec =
    cached === undefined ? plain : { ...plain, conditional: { 'if-none-match': cached.etag } };
  return send(ctx, spec, async (sent): Promise<Wanted[W]> => {
    const { headers } = sent;
    if (sent.status === 304 && cached !== undefined) {
      if (typeof sent.body !== 'string') await sent.body.body?.cancel();
      if (want === 'resource') return cached.resource as Wanted[W];
      const answer: Wanted['answer'] = {
        status: 304,
        url: sent.url.href,
        headers,
        ucwaVersion: headers.get('x-ms-ucwaversion') ?? cached.ucwaVersion,
        etag: cached.etag,
        location: undefined,
        resource: cached.resource,
        fromCache: true,
      };
      return answer as Wanted[W];
    }
    const read = await readAnswer(ctx, sent, want);
    const either: Wanted['resource'] | Wanted['answer'] = read;
    const resource = 'fromCache' in either ? either.resource : either;
    if (resource?.etag !== undefined) {
      const ucwaVersion = headers.get('x-ms-ucwaversion') ?? undefined;
      cache.set(url.href, { etag: resource.etag, resource, ucwaVersion });
    }
    return read;
  });
}

/** The event channel's pending GET (EventsInUCWA.md). */
export function getEventBatch(
  ctx: TransportContext,
  url: URL,
  options: CallOptions,
): Promise<EventBatch> {
  return send(ctx, callSpec('GET', url, options), 'events');
}
