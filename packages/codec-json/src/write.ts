import type {
  EmbeddedBag,
  Link,
  LinkBag,
  PropertyBag,
  PropertyValue,
  UcwaErrorBody,
  UnknownResource,
} from '@ucwa/model';
import { isForbiddenName } from '@ucwa/model/codec';
import { formatJsonDate } from './json-date.ts';
import { put } from './put.ts';

// Speed: every resource, link bag and property bag has its own shape, so the property
// accesses here are megamorphic. `Object.assign({}, bag)` copies a bag's shape at once
// (a spread or adding keys one by one is several times slower then), and the loops only
// replace values; `for…in` walks a model's plain objects faster than `Object.keys` does.
// Optional keys are only added when present: an `undefined` value makes V8 leave its
// fast `JSON.stringify`.

/** A JSON object on its way to `JSON.stringify`. */
export type Wire = { [key: string]: unknown };

/**
 * Refuses a key a model built by hand could hold but JSON cannot carry back: a prototype
 * name (decoders refuse it) or, among a resource's properties, a key that means
 * something else in a resource object.
 */
function checkKey(key: string, property?: boolean): void {
  if (
    isForbiddenName(key) ||
    (property && (key === 'rel' || key === '_links' || key === '_embedded'))
  ) {
    throw new TypeError(`cannot encode the key ${JSON.stringify(key)}`);
  }
}

/** A property value: dates as `/Date(ms)/`, containers copied where they may hold one. */
function writeValue(value: PropertyValue): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    // A list of scalars (emailAddresses, modalities: the common case) is written as is.
    for (const item of value) {
      if (typeof item === 'object' && item !== null) return value.map(writeValue);
    }
    return value;
  }
  if (value instanceof Date) return formatJsonDate(value);
  return writeProperties(value as PropertyBag);
}

/** An object of properties, `resource` when it is a resource's own. */
function writeProperties(properties: PropertyBag, resource?: boolean): Wire {
  const out: Wire = Object.assign({}, properties);
  for (const key in properties) {
    checkKey(key, resource);
    const value = properties[key] as PropertyValue;
    if (typeof value === 'object' && value !== null) out[key] = writeValue(value);
  }
  return out;
}

/** A link object; `rel` only where the JSON carries it (event `link`/`in`, error `link`). */
export function writeLink(link: Link, withRel?: boolean): Wire {
  const out: Wire = withRel ? { rel: link.rel, href: link.href } : { href: link.href };
  if (link.title !== undefined) out.title = link.title;
  if (link.revision !== undefined) out.revision = link.revision;
  return out;
}

/** A link, or an embedded resource (the one with properties). */
function writeItem(item: Link | UnknownResource): Wire {
  return 'properties' in item ? writeResource(item) : writeLink(item);
}

/**
 * `_links` or `_embedded`: each item (or each item of an array) written, into `out` when
 * given; `undefined` when there is nothing.
 */
function writeBag(bag: LinkBag | EmbeddedBag, out?: Wire): Wire | undefined {
  let copy: Wire | undefined;
  for (const rel in bag) {
    checkKey(rel);
    copy ??= Object.assign(out ?? {}, bag);
    const item = bag[rel] as Link | UnknownResource | readonly (Link | UnknownResource)[];
    copy[rel] = Array.isArray(item)
      ? item.map(writeItem)
      : writeItem(item as Link | UnknownResource);
  }
  return copy ?? out;
}

/**
 * A resource object: the properties, then `rel` (unless `''`), `_links` (with `self`
 * first, made from `href` when the links lack it) and `_embedded`. `rel` comes after the
 * properties, as in some of the reference's own examples, so the copy of the properties
 * can start the object.
 */
export function writeResource(resource: UnknownResource): Wire {
  const { href, links } = resource;
  const out = writeProperties(resource.properties, true);
  if (resource.rel !== '') out.rel = resource.rel;
  const self = href !== '' && !Object.hasOwn(links, 'self') ? { self: { href } } : undefined;
  put(out, '_links', writeBag(links, self));
  put(out, '_embedded', writeBag(resource.embedded));
  return out;
}

/** An error body; `parameters` as `[{ name, value }]`, `debugInfo` as an object. */
export function writeErrorBody(body: UcwaErrorBody): Wire {
  const out: Wire = { code: body.code };
  for (const key of ['subcode', 'message', 'parameters', 'debugInfo'] as const)
    put(out, key, body[key]);
  put(out, 'link', body.link && writeLink(body.link, true));
  return out;
}

const DATE_TOKEN = /"\/Date\((-?\d+)\)\/"/g;

/**
 * `JSON.stringify`, then the date slashes escaped as UCWA sends them (`"\/Date(ms)\/"`).
 * `\/` means `/` in JSON, so escaping never changes what the text says.
 */
export function serialize(wire: Wire): string {
  const text = JSON.stringify(wire);
  // Scanning for a rare letter is far cheaper than the replace.
  return text.includes('Date(') ? text.replace(DATE_TOKEN, '"\\/Date($1)\\/"') : text;
}
