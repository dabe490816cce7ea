import { findLinks, isKnownRel, type PropertyBag, type UnknownResource } from '@ucwa/model';

import { missingLink } from '../errors/missing-link.ts';
import type { SessionCore } from './session-core.ts';

/**
 * The store's copy of `resource` when it holds one (events keep it current: links appear
 * and go with state), else `resource` as given.
 */
export function latest(core: SessionCore, resource: UnknownResource): UnknownResource {
  if (resource.href === '') return resource;
  const stored = core.store.peek(resource.href);
  return stored !== undefined && stored.rel === resource.rel ? stored : resource;
}

/** The rel a link of `rel` on `resource` must lead to, when the catalog says. */
function expectedRel(resource: UnknownResource, rel: string): string | undefined {
  if (rel === 'self') return resource.rel;
  return isKnownRel(rel) ? rel : undefined;
}

/**
 * Reads the target of the link `rel` of `resource` through the store, or `undefined`
 * when the resource carries no such link now. A target of another rel than the catalog
 * names is refused, so the typed result never lies.
 */
export async function readLink(
  core: SessionCore,
  given: UnknownResource,
  rel: string,
  signal?: AbortSignal,
): Promise<UnknownResource | undefined> {
  const resource = latest(core, given);
  const link = findLinks(resource, rel)[0];
  if (link === undefined) return undefined;
  const base = resource.href === '' ? undefined : core.key(resource.href);
  const href = base === undefined ? core.key(link.href) : new URL(link.href, base).href;
  const target = await core.store.read(href, signal === undefined ? {} : { signal });
  const expected = expectedRel(resource, rel);
  if (expected !== undefined && target.rel !== expected) {
    throw new TypeError(
      `the "${rel}" link of ${resource.rel} led to a ${target.rel} resource, not ${expected}`,
    );
  }
  return target;
}

/** {@link readLink}, failing with the transport's `UcwaLinkError` when the link is absent. */
export async function followLink(
  core: SessionCore,
  resource: UnknownResource,
  rel: string,
  signal?: AbortSignal,
): Promise<UnknownResource> {
  const target = await readLink(core, resource, rel, signal);
  if (target === undefined) throw missingLink(resource, rel);
  return target;
}

/**
 * `resource` when it offers `rel` now, else the resource read once more from the server: a
 * resource's links follow its state, and the copy in hand may predate the change.
 */
export async function offering(
  core: SessionCore,
  resource: UnknownResource,
  rel: string,
  signal?: AbortSignal,
): Promise<UnknownResource> {
  if (findLinks(resource, rel).length > 0) return resource;
  return core.store.read(
    resource.href,
    signal === undefined ? { fresh: true } : { signal, fresh: true },
  );
}

/**
 * Conditional PUT of `resource` with `changes` (every other property played back, with
 * the stored ETag), then the resource as the server now holds it.
 */
export async function updateResource(
  core: SessionCore,
  resource: UnknownResource,
  changes: PropertyBag,
  signal?: AbortSignal,
): Promise<UnknownResource> {
  const o = signal === undefined ? {} : { signal };
  const current =
    resource.etag === undefined
      ? await core.store.read(resource.href, { ...o, fresh: true })
      : resource;
  await core.transport.put(current, changes, o);
  return core.store.read(resource.href, { ...o, fresh: true });
}
