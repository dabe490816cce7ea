import type { BatchResult } from '@ucwa/transport';
import type { SessionCore } from './session-core.ts';

/**
 * GETs `hrefs` in one `multipart/batching` request (BatchingRequests.md) on the application's
 * `batch` link; what comes back is stored, as any answer is.
 */
export async function batchGet(
  core: SessionCore,
  hrefs: readonly string[],
  signal?: AbortSignal,
): Promise<BatchResult[]> {
  const link = core.application.links.batch;
  if (link === undefined) throw new TypeError('the application has no batch link');
  const requests = hrefs.map((href) => ({ method: 'GET' as const, href: core.key(href) }));
  const results = await core.transport.batch(
    core.key(link.href),
    requests,
    signal === undefined ? {} : { signal },
  );
  for (const r of results) if (r.ok && r.resource !== undefined) core.store.seed(r.resource);
  return results;
}
