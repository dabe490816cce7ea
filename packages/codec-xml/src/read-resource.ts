import type { EmbeddedBag, Link, LinkBag, PropertyValue, UnknownResource } from '@ucwa/model';
import { type CodecShape, codecShape, type PropertyCode } from '@ucwa/model/codec';
import { at, checkName, type DecodeContext } from './decode-context.ts';
import { fail } from './fail.ts';
import { readLink } from './read-link.ts';
import { readList, readValue, requireName, scalarCode } from './read-value.ts';
import {
  attributesOf,
  childrenOf,
  nameOf,
  resourceChildName,
  textOf,
  type XmlNode,
} from './xml-tree.ts';

type Links = { [rel: string]: Link | Link[] };
type Embedded = { [rel: string]: UnknownResource | UnknownResource[] };

/**
 * Adds one item under `key`: a rel seen twice becomes an array, and a first one is an
 * array already when the catalog says the rel is a collection (PayloadFormat.md: XML
 * cannot tell one link from a one-element list).
 */
function add<T>(
  bag: { [key: string]: T | T[] },
  key: string,
  item: T,
  many: readonly string[] | undefined,
): void {
  // A plain lookup first: only a hit (a repeated rel, or a name such as `toString` that
  // every object answers to) needs the slower own-key check.
  const existing = bag[key];
  if (existing === undefined || !Object.hasOwn(bag, key)) {
    bag[key] = many?.includes(key) === true ? [item] : item;
    return;
  }
  if (Array.isArray(existing)) existing.push(item);
  else bag[key] = [existing, item];
}

/**
 * `<resource rel href>` with `<link>`, `<property>`, `<propertyList>` and nested
 * `<resource>` children, into the model (docs/codec-contract.md). The self link comes
 * from the `href` attribute; a `<property name="rel">` names the rel only when the
 * attribute is missing (PUT bodies in the reference) and is never a property.
 */
export function readResource(
  ctx: DecodeContext,
  node: XmlNode,
  name: string,
  etag?: string,
): UnknownResource {
  const attributes = attributesOf(node);
  const children = childrenOf(node, name);
  ctx.trail.push(node);
  const rel = attributes.rel ?? relProperty(children) ?? '';
  checkName(ctx, rel, 'rel', node);
  const shape = codecShape(rel);
  const types = shape?.p;
  const properties: { [name: string]: PropertyValue } = {};
  const links: Links = {};
  const embedded: Embedded = {};
  const href = attributes.href;
  if (href !== undefined) links.self = { rel: 'self', href };
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as XmlNode;
    const tag = resourceChildName(child, ctx.inherited);
    if (tag === 'link') {
      const link = readLink(ctx, child);
      // An explicit self link matching the attribute refines it (title, revision).
      if (link.rel === 'self' && link.href === href) links.self = link;
      else add(links, link.rel, link, shape?.l);
    } else if (tag === 'property' || tag === 'propertyList') {
      const key = requireName(ctx, child);
      if (key === 'rel') continue;
      const code = scalarCode(types === undefined ? undefined : typeOf(types, key));
      properties[key] =
        tag === 'property' ? readValue(ctx, child, tag, code) : readList(ctx, child, code);
    } else if (tag === 'resource') {
      const inner = readResource(ctx, child, tag);
      if (inner.rel === '') fail('malformed', 'embedded <resource> without a rel', at(ctx, child));
      add(embedded, inner.rel, inner, shape?.e);
    }
  }
  ctx.trail.pop();
  const resource = {
    rel,
    href: href ?? '',
    properties,
    links: links as LinkBag,
    embedded: embedded as EmbeddedBag,
  };
  return etag === undefined ? resource : { ...resource, etag };
}

/** The catalog's code for property `key`: a plain lookup, checked as own only on a hit. */
function typeOf(types: NonNullable<CodecShape['p']>, key: string): PropertyCode | undefined {
  const code = types[key];
  return code !== undefined && Object.hasOwn(types, key) ? code : undefined;
}

function relProperty(children: readonly XmlNode[]): string | undefined {
  for (const child of children) {
    if (nameOf(child) === 'property' && attributesOf(child).name === 'rel') {
      return textOf(childrenOf(child, 'property')).trim();
    }
  }
  return undefined;
}
