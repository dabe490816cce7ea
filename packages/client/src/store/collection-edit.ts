import type { EmbeddedBag, Link, LinkBag, UnknownResource } from '@ucwa/model';

type Item = { readonly rel: string; readonly href: string };

function asArray<T>(value: T | readonly T[] | undefined): readonly T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

function without<T extends Item>(list: readonly T[], href: string, key: (h: string) => string) {
  return list.filter((item) => key(item.href) !== href);
}

/**
 * A collection (`conversations`, `myContacts`, ...) with `item` added: embedded where
 * the collection embeds that rel and the event carried the resource, else as a link.
 * Returns a new object; the stored one is never changed in place.
 */
export function addToCollection(
  collection: UnknownResource,
  link: Link,
  resource: UnknownResource | undefined,
  key: (href: string) => string,
): UnknownResource {
  const href = key(link.href);
  if (resource !== undefined && Object.hasOwn(collection.embedded, link.rel)) {
    const items = without(asArray(collection.embedded[link.rel]), href, key);
    const embedded: EmbeddedBag = { ...collection.embedded, [link.rel]: [...items, resource] };
    return { ...collection, embedded };
  }
  const items = without(asArray(collection.links[link.rel]), href, key);
  const links: LinkBag = { ...collection.links, [link.rel]: [...items, link] };
  return { ...collection, links };
}

/** A collection with every link and embedded resource of `href` removed. */
export function removeFromCollection(
  collection: UnknownResource,
  link: Link,
  key: (href: string) => string,
): UnknownResource {
  const href = key(link.href);
  const links: Record<string, Link | readonly Link[]> = { ...collection.links };
  const embedded: Record<string, UnknownResource | readonly UnknownResource[]> = {
    ...collection.embedded,
  };
  if (Object.hasOwn(links, link.rel))
    links[link.rel] = without(asArray(links[link.rel]), href, key);
  if (Object.hasOwn(embedded, link.rel)) {
    embedded[link.rel] = without(asArray(embedded[link.rel]), href, key);
  }
  return { ...collection, links, embedded };
}
