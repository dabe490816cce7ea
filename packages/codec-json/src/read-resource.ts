import type { EmbeddedBag, Link, LinkBag, PropertyValue, UnknownResource } from '@ucwa/model';
import { isForbiddenName } from '@ucwa/model/codec';
import { put } from './put.ts';
import { readValue } from './read-value.ts';
import {
  enter,
  expected,
  fail,
  isObject,
  type JsonObject,
  type Key,
  readOptionalString,
  readString,
  TOO_DEEP,
  type Walk,
} from './walk.ts';

// Speed: this is the hot path of every GET. `JSON.parse` gave us a tree nobody else holds,
// so the links and embedded bags are that tree's own objects, checked and completed in
// place: a link object gets its `rel`, an embedded entry is replaced by its resource.
// Only the properties are copied (they share their object with `rel`, `_links` and
// `_embedded`). The path (for error messages) holds the containers that may nest deeper;
// a link's keys are only named when something fails.

/** The links or embedded resources of a resource that has none. */
const NONE: LinkBag & EmbeddedBag = Object.freeze({});

/**
 * A resource object (PayloadFormat.md): `rel`, `_links`, `_embedded`, and every other key
 * a property. `rel` falls back to `fallbackRel` (the `_embedded` key), `href` to `''`.
 * Own keys only: `for…in` is the fast way through `JSON.parse`'s objects, and where
 * someone made a key of `Object.prototype` enumerable, `walk.inherited` has every key
 * checked, so it never turns into a property of a decoded resource.
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
      // The common case: a plain string property (a `rel` is one too).
      if (key === 'rel') rel = value;
      else if (isForbiddenName(key)) fail(walk, 'forbidden-name', 'forbidden name', key);
      else properties[key] = value;
    } else if (key === '_links') links = readLinks(walk, value);
    else if (key === '_embedded') embedded = readEmbedded(walk, value);
    else if (key === 'rel') rel = readString(walk, value, key);
    else if (isForbiddenName(key)) fail(walk, 'forbidden-name', 'forbidden name', key);
    else properties[key] = readValue(walk, value, key);
  }
  const self = links.self as Link | undefined;
  return { rel, href: self === undefined ? '' : self.href, properties, links, embedded };
}

type Writable<T> = { [key: string]: T };

/** `_links`: a link or an array of links by rel; `self` is never an array. */
function readLinks(walk: Walk, value: unknown): LinkBag {
  if (!isObject(value)) return expected(walk, 'an object', '_links');
  if (walk.path.length + 1 >= walk.maxDepth) fail(walk, 'too-deep', TOO_DEEP, '_links');
  const bag = value as Writable<unknown>;
  for (const rel in bag) {
    if (walk.inherited && !Object.hasOwn(bag, rel)) continue;
    if (isForbiddenName(rel)) fail(walk, 'forbidden-name', 'forbidden name', ['_links', rel]);
    const item = bag[rel];
    if (!Array.isArray(item)) {
      const link = linkOf(walk, item, rel, -1);
      if (link !== item) bag[rel] = link;
    } else if (rel === 'self') {
      expected(walk, 'an object', ['_links', rel]);
    } else {
      for (let j = 0; j < item.length; j++) {
        const link = linkOf(walk, item[j], rel, j);
        if (link !== item[j]) item[j] = link;
      }
    }
  }
  return bag as LinkBag;
}

/**
 * A `_links` entry `{ href, title?, revision? }`, its rel being its key and `index` its
 * place in an array (-1: none). An object holding only an href becomes the link itself.
 */
function linkOf(walk: Walk, item: unknown, rel: string, index: number): Link {
  // `_links`, the rel and maybe the index: as deep as the fast path may go.
  const link = item as Writable<unknown>;
  if (
    typeof item === 'object' &&
    item !== null &&
    typeof link.href === 'string' &&
    walk.path.length + 3 < walk.maxDepth &&
    onlyHref(link)
  ) {
    link.rel = rel;
    return link as unknown as Link;
  }
  // Everything else is read into a new link, the path kept for error messages.
  const at: Key[] = index < 0 ? ['_links', rel] : ['_links', rel, index];
  for (const key of at) enter(walk, key);
  if (!isObject(item)) return expected(walk, 'an object');
  const read = readLink(walk, item, rel);
  walk.path.length -= at.length;
  return read;
}

/** Whether a link object carries nothing but `href` (and maybe a `rel`, which its key overrides). */
function onlyHref(item: JsonObject): boolean {
  // An inherited key makes this false, which only sends the link down the slow path.
  for (const key in item) if (key !== 'href' && key !== 'rel') return false;
  return true;
}

/** `_embedded`: a resource or an array of them by rel, each rel defaulting to its key. */
function readEmbedded(walk: Walk, value: unknown): EmbeddedBag {
  if (!isObject(value)) return expected(walk, 'an object', '_embedded');
  enter(walk, '_embedded');
  const bag = value as Writable<unknown>;
  for (const rel in bag) {
    if (walk.inherited && !Object.hasOwn(bag, rel)) continue;
    if (isForbiddenName(rel)) fail(walk, 'forbidden-name', 'forbidden name', rel);
    const item = bag[rel];
    if (Array.isArray(item)) {
      enter(walk, rel);
      for (let j = 0; j < item.length; j++) item[j] = embeddedOf(walk, item[j], rel, j);
      walk.path.pop();
    } else {
      bag[rel] = embeddedOf(walk, item, rel, rel);
    }
  }
  walk.path.pop();
  return bag as EmbeddedBag;
}

function embeddedOf(walk: Walk, item: unknown, rel: string, key: Key): UnknownResource {
  if (!isObject(item)) return expected(walk, 'an object', key);
  enter(walk, key);
  const resource = readResource(walk, item, rel);
  walk.path.pop();
  return resource;
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
