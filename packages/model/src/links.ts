import { linkCardinality } from './catalog-lookup.ts';
import type { Link } from './link.ts';
import type { UnknownResource } from './resource.ts';

type HasLinks = Pick<UnknownResource, 'rel' | 'links'>;

function stored(resource: HasLinks, rel: string): Link | readonly Link[] | undefined {
  return Object.hasOwn(resource.links, rel) ? resource.links[rel] : undefined;
}

/**
 * All links of `rel` on a resource, as an array whatever the document held: XML cannot
 * tell one link from a one-element list, so callers that expect several use this.
 */
export function findLinks(resource: HasLinks, rel: string): readonly Link[] {
  const value = stored(resource, rel);
  if (value === undefined) return [];
  return isLinkArray(value) ? value : [value];
}

/**
 * The link of `rel` on a resource, or `undefined`. For a rel the catalog documents as a
 * collection this throws: use {@link findLinks} there, so a second link is never lost.
 */
export function findLink(resource: HasLinks, rel: string): Link | undefined {
  if (linkCardinality(resource.rel, rel) === 'many') {
    throw new TypeError(
      `${resource.rel} may carry several "${rel}" links; use findLinks(resource, '${rel}')`,
    );
  }
  const value = stored(resource, rel);
  if (value === undefined) return undefined;
  return isLinkArray(value) ? value[0] : value;
}

/** Whether a resource carries at least one link of `rel` (an available action, say). */
export function hasLink(resource: HasLinks, rel: string): boolean {
  return findLinks(resource, rel).length > 0;
}

function isLinkArray(value: Link | readonly Link[]): value is readonly Link[] {
  return Array.isArray(value);
}
