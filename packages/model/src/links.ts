import type { Link } from './link.ts';
import type { UnknownResource } from './resource.ts';

/** What the link readers need of a resource: its rel (for messages) and its links. */
export type HasLinks = Pick<UnknownResource, 'rel' | 'links'>;

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
 * The link of `rel` on a resource, or `undefined`. Where the resource holds an array of
 * `rel` links this throws, whatever the array's length: the rel is a collection there
 * (the codecs decode the rels the catalog documents as collections to arrays), so use
 * {@link findLinks} and no second link is ever lost. Reads the resource only, never the
 * catalog, so it adds nothing to a bundle.
 */
export function findLink(resource: HasLinks, rel: string): Link | undefined {
  const value = stored(resource, rel);
  if (value === undefined || !isLinkArray(value)) return value;
  throw new TypeError(
    `${resource.rel} carries "${rel}" as a collection; use findLinks(resource, '${rel}')`,
  );
}

/** Whether a resource carries at least one link of `rel` (an available action, say). */
export function hasLink(resource: HasLinks, rel: string): boolean {
  return findLinks(resource, rel).length > 0;
}

function isLinkArray(value: Link | readonly Link[]): value is readonly Link[] {
  return Array.isArray(value);
}
