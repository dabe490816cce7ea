import type { Link, PropertyValue, UnknownResource } from '@ucwa/model';

/** A link given as an href, a link, or several links. */
export type LinkSpec = string | Omit<Link, 'rel'> | readonly (string | Omit<Link, 'rel'>)[];

export interface ResourceSpec {
  readonly rel: string;
  readonly href: string;
  readonly etag?: string;
  readonly properties?: Readonly<Record<string, PropertyValue | undefined>>;
  /** Links by rel; `undefined` entries are left out (an action not available now). */
  readonly links?: Readonly<Record<string, LinkSpec | undefined>>;
  readonly embedded?: Readonly<
    Record<string, UnknownResource | readonly UnknownResource[] | undefined>
  >;
}

function toLink(rel: string, spec: string | Omit<Link, 'rel'>): Link {
  return typeof spec === 'string' ? { rel, href: spec } : { ...spec, rel };
}

/**
 * Builds a resource in the model's shape: `self` link from `href`, other links by rel,
 * properties without `undefined` values.
 *
 * @example
 * ```ts
 * buildResource({
 *   rel: 'note',
 *   href: app.href('me/note'),
 *   properties: { message: 'Heads down today', type: 'Personal' },
 * });
 * ```
 */
export function buildResource(spec: ResourceSpec): UnknownResource {
  const properties: Record<string, PropertyValue> = {};
  for (const [name, value] of Object.entries(spec.properties ?? {})) {
    if (value !== undefined) properties[name] = value;
  }
  const links: Record<string, Link | readonly Link[]> = { self: { rel: 'self', href: spec.href } };
  for (const [rel, value] of Object.entries(spec.links ?? {})) {
    if (value === undefined) continue;
    links[rel] = Array.isArray(value)
      ? value.map((item: string | Omit<Link, 'rel'>) => toLink(rel, item))
      : toLink(rel, value as string | Omit<Link, 'rel'>);
  }
  const embedded: Record<string, UnknownResource | readonly UnknownResource[]> = {};
  for (const [rel, value] of Object.entries(spec.embedded ?? {})) {
    if (value !== undefined) embedded[rel] = value;
  }
  return {
    rel: spec.rel,
    href: spec.href,
    ...(spec.etag === undefined ? {} : { etag: spec.etag }),
    properties,
    links,
    embedded,
  };
}
