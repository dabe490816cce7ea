import { type CatalogResource, catalog } from './generated/catalog.ts';
import type { Rel } from './generated/resources.ts';
import type { Cardinality } from './link.ts';
import type { Resource, UnknownResource } from './resource.ts';

/** Whether the reference documents `rel`. Safe for any string, `__proto__` included. */
export function isKnownRel(rel: string): rel is Rel {
  return Object.hasOwn(catalog, rel);
}

/** The catalog entry of a rel, or `undefined` for a rel the reference does not document. */
export function catalogEntry(rel: string): CatalogResource | undefined {
  return isKnownRel(rel) ? catalog[rel] : undefined;
}

/**
 * Narrows a decoded resource to the typed view of `rel`.
 *
 * @example
 * ```ts
 * if (isResource(decoded, 'audioVideo')) console.log(decoded.properties.state);
 * ```
 */
export function isResource<R extends Rel>(
  resource: UnknownResource,
  rel: R,
): resource is UnknownResource & Resource<R> {
  return resource.rel === rel;
}

/** The documented cardinality of a link rel on a resource rel, or `undefined` if unknown. */
export function linkCardinality(resourceRel: string, linkRel: string): Cardinality | undefined {
  const links = catalogEntry(resourceRel)?.links;
  return links !== undefined && Object.hasOwn(links, linkRel) ? links[linkRel] : undefined;
}

/** The documented cardinality of an embedded rel on a resource rel, or `undefined`. */
export function embeddedCardinality(
  resourceRel: string,
  embeddedRel: string,
): Cardinality | undefined {
  const embedded = catalogEntry(resourceRel)?.embedded;
  return embedded !== undefined && Object.hasOwn(embedded, embeddedRel)
    ? embedded[embeddedRel]
    : undefined;
}
