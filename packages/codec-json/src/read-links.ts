import type { Link, LinkBag } from '@ucwa/model';
import { put } from './put.ts';
import {
  checkName,
  enter,
  expected,
  isObject,
  type JsonObject,
  readItem,
  readOptionalString,
  readString,
  type Walk,
} from './walk.ts';

/**
 * `_links`: links by rel, each an object or an array of them as the document gives it,
 * completed in place (the bag is the parsed object itself, which nobody else holds). A
 * link object that holds only an `href` (and maybe a `rel`, which the key overrides) gets
 * its `rel` and becomes the link, without a step on the path; anything else is read by
 * `readLink` and put back. A rel in `single` may not be an array.
 *
 * Speed: one loop with the link check inlined, rather than a generic bag reader calling
 * back per item: links are most of the objects in a UCWA document.
 */
export function readLinks(
  walk: Walk,
  value: unknown,
  key: string,
  single: readonly string[],
): LinkBag {
  if (!isObject(value)) return expected(walk, 'an object', key);
  enter(walk, key);
  const bag = value as { [rel: string]: unknown };
  // A link read in place takes no step, so the depth is checked once for the whole bag
  // (its items would sit one level deeper, two in an array).
  const inPlace = walk.path.length + 2 < walk.maxDepth;
  for (const rel in bag) {
    if (walk.inherited && !Object.hasOwn(bag, rel)) continue;
    checkName(walk, rel);
    const item = bag[rel];
    if (!Array.isArray(item)) {
      if (inPlace && isHrefOnly(item)) (item as { rel?: string }).rel = rel;
      else bag[rel] = readItem(walk, item, rel, -1, readLink);
    } else if (single.includes(rel)) {
      expected(walk, 'an object', rel);
    } else {
      for (let i = 0; i < item.length; i++) {
        const link: unknown = item[i];
        if (inPlace && isHrefOnly(link)) (link as { rel?: string }).rel = rel;
        else item[i] = readItem(walk, link, rel, i, readLink);
      }
    }
  }
  walk.path.pop();
  return bag as { [rel: string]: Link | readonly Link[] };
}

/** `{ href }` or `{ href, rel }` with a string href; an inherited key makes it false. */
function isHrefOnly(item: unknown): boolean {
  if (!isObject(item) || typeof (item as JsonObject).href !== 'string') return false;
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
