import type { EmbeddedBag, Link, LinkBag, PropertyValue, UnknownResource } from '@ucwa/model';
import { readLinks } from './read-links.ts';
import { readValue } from './read-value.ts';
import {
  checkName,
  enter,
  expected,
  isObject,
  type JsonObject,
  readItem,
  readString,
  type Walk,
} from './walk.ts';

// Speed: this is the hot path of every GET. `JSON.parse` gave us a tree nobody else holds,
// so the links and embedded bags are that tree's own objects, checked and completed in
// place (see `readLinks` and `readEmbedded`): a link object holding only an href gets its
// `rel`, an embedded entry is replaced by its resource. Only the properties are copied,
// since they share their object with `rel`, `_links` and `_embedded`.

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
    } else if (key === '_links') links = readLinks(walk, value, key, SELF);
    else if (key === '_embedded') embedded = readEmbedded(walk, value, key);
    else if (key === 'rel') rel = readString(walk, value, key);
    else {
      checkName(walk, key);
      properties[key] = readValue(walk, value, key);
    }
  }
  const self = links.self as Link | undefined;
  return { rel, href: self === undefined ? '' : self.href, properties, links, embedded };
}

/**
 * `_embedded`: resources by rel, each an object or an array of them as the document gives
 * it, each replaced in place by its resource (the bag is the parsed object itself).
 */
function readEmbedded(walk: Walk, value: unknown, key: string): EmbeddedBag {
  if (!isObject(value)) return expected(walk, 'an object', key);
  enter(walk, key);
  const bag = value as { [rel: string]: unknown };
  for (const rel in bag) {
    if (walk.inherited && !Object.hasOwn(bag, rel)) continue;
    checkName(walk, rel);
    const item = bag[rel];
    if (!Array.isArray(item)) bag[rel] = readItem(walk, item, rel, -1, readResource);
    else
      for (let i = 0; i < item.length; i++) item[i] = readItem(walk, item[i], rel, i, readResource);
  }
  walk.path.pop();
  return bag as EmbeddedBag;
}
