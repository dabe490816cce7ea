import type { EmbeddedBag, Link, LinkBag, PropertyValue, UnknownResource } from '@ucwa/model';
import { put } from './put.ts';
import { readValue } from './read-value.ts';
import {
  checkName,
  expected,
  isObject,
  type JsonObject,
  readBag,
  readItem,
  readOptionalString,
  readString,
  type Walk,
} from './walk.ts';

// Speed: this is the hot path of every GET. `JSON.parse` gave us a tree nobody else holds,
// so the links and embedded bags are that tree's own objects, checked and completed in
// place (see `readBag`): a link object holding only an href gets its `rel`, an embedded
// entry is replaced by its resource. Only the properties are copied, since they share
// their object with `rel`, `_links` and `_embedded`.

/** The links or embedded resources of a resource that has none. */
const NONE: LinkBag & EmbeddedBag = Object.freeze({});
/** A resource has one self link, never an array of them. */
const SELF: readonly string[] = ['self'];

/**
 * A resource object (PayloadFormat.md): `rel`, `_links`, `_embedded`, and every other key
 * a property. `rel` falls back to `fallbackRel` (the `_embedded` key), `href` to `''`.
 * Own keys only: `for…in` is the fast way through `JSON.parse`'s objects (about 5 % of a
 * decode over `Object.keys`), and where someone made a key of `Object.prototype`
 * enumerable, `walk.inherited` has every key checked, so it never turns into a property.
 */
export function readResource(walk: Walk, object: JsonObject, fallbackRel = ''): UnknownResource {
  let rel = fallbackRel;
  let links: LinkBag = NONE;
  let embedded: EmbeddedBag = NONE;
  const properties: { [name: string]: PropertyValue } = {};
  for (const key in object) {
    if (walk.inherited && !Object.hasOwn(object, key)) continue;
    const value = object[key];
    if (typeof value === 'string' && value.charCodeAt(0) !== 0x2f) {
      // The common case, kept out of readValue: a plain string property (or the rel).
      if (key === 'rel') rel = value;
      else {
        checkName(walk, key);
        properties[key] = value;
      }
    } else if (key === '_links') links = readBag(walk, value, key, readLinkInPlace, SELF);
    else if (key === '_embedded') embedded = readBag(walk, value, key, readEmbedded, []);
    else if (key === 'rel') rel = readString(walk, value, key);
    else {
      checkName(walk, key);
      properties[key] = readValue(walk, value, key);
    }
  }
  const self = links.self as Link | undefined;
  return { rel, href: self === undefined ? '' : self.href, properties, links, embedded };
}

function readEmbedded(walk: Walk, item: unknown, rel: string, index: number): UnknownResource {
  return readItem(walk, item, rel, index, readResource);
}

/**
 * A link object `{ href, title?, revision? }` in a bag, its rel being its key: one that
 * holds only an href (and maybe a `rel`, which the key overrides) becomes the link itself,
 * without a step on the path; anything else is read by {@link readLink}.
 */
export function readLinkInPlace(walk: Walk, item: unknown, rel: string, index: number): Link {
  const fast =
    isObject(item) &&
    typeof item.href === 'string' &&
    walk.path.length + 2 < walk.maxDepth &&
    onlyHref(item);
  if (fast) {
    (item as { rel?: string }).rel = rel;
    return item as unknown as Link;
  }
  return readItem(walk, item, rel, index, readLink);
}

function onlyHref(item: JsonObject): boolean {
  // An inherited key makes this false, which only sends the link to readLink.
  for (const key in item) if (key !== 'href' && key !== 'rel') return false;
  return true;
}

type MutableLink = { -readonly [K in keyof Link]: Link[K] };

/**
 * A link object `{ href, title?, revision? }`. `rel` is its `_links` key or what the
 * caller says; `undefined` (event `link` and `in`) means the object must name its own.
 */
export function readLink(walk: Walk, object: JsonObject, rel: string | undefined): Link {
  const link: MutableLink = {
    rel: rel ?? readString(walk, object.rel, 'rel'),
    href: readString(walk, object.href, 'href'),
  };
  put(link, 'title', readOptionalString(walk, object.title, 'title'));
  const revision = object.revision;
  if (revision != null) {
    // A number; one example in the reference sends it as a string ("2").
    const number =
      typeof revision === 'string' && /^\d{1,9}$/.test(revision) ? Number(revision) : revision;
    link.revision = Number.isFinite(number)
      ? (number as number)
      : expected(walk, 'a number', 'revision');
  }
  return link;
}
