import type { EmbeddedBag, Link, LinkBag, PropertyValue, UnknownResource } from '@ucwa/model';
import { put } from './put.ts';
import { readValue } from './read-value.ts';
import {
  checkName,
  expected,
  type JsonObject,
  readBag,
  readOptionalString,
  readString,
  type Walk,
} from './walk.ts';

/** The links or embedded resources of a resource that has none. */
const NONE: LinkBag & EmbeddedBag = Object.freeze({});
/** A resource has one self link, never an array of them. */
const SELF = ['self'];

/**
 * A resource object (PayloadFormat.md): `rel`, `_links`, `_embedded`, and every other key
 * a property. `rel` falls back to `fallbackRel` (the `_embedded` key), `href` to `''`.
 * One pass over the keys, no closures, so decoding stays close to `JSON.parse` alone.
 * Own keys only (`Object.keys`, not `for…in`): keys someone else put on
 * `Object.prototype` never turn into properties of a decoded resource.
 */
export function readResource(walk: Walk, object: JsonObject, fallbackRel = ''): UnknownResource {
  let rel = fallbackRel;
  let links: LinkBag = NONE;
  let embedded: EmbeddedBag = NONE;
  const properties: { [name: string]: PropertyValue } = {};
  for (const key of Object.keys(object)) {
    const value = object[key];
    if (key === 'rel') rel = readString(walk, value, key);
    else if (key === '_links') links = readBag(walk, value, key, readLink, SELF);
    else if (key === '_embedded') embedded = readBag(walk, value, key, readResource, []);
    else {
      checkName(walk, key);
      properties[key] = readValue(walk, value, key);
    }
  }
  // readBag refuses an array of self links.
  return { rel, href: (links.self as Link | undefined)?.href ?? '', properties, links, embedded };
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
