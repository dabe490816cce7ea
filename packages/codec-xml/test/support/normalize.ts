import type { Link, PropertyValue, UnknownResource } from '@ucwa/model';

/**
 * A format-neutral view of a decoded resource that applies exactly the documented
 * JSON/XML differences (docs/codec-contract.md, "Known differences"):
 *
 * 1. dates: a `Date` (JSON `/Date(ms)/`, XML ISO 8601 on catalog dates) and an ISO 8601
 *    string (an XML date the catalog does not type) both become epoch milliseconds;
 * 2. cardinality: a single link or embedded resource and a one-element array fold into
 *    an array (XML cannot tell them apart, PayloadFormat.md);
 * 3. unknown properties: XML keeps text, JSON keeps JSON types, so every scalar is
 *    compared as text, `True`/`False` in any case as `true`/`false`.
 *
 * Nothing else is forgiven.
 */
export function normalize(resource: UnknownResource): NormalResource {
  const links: { [rel: string]: NormalLink[] } = {};
  for (const rel of Object.keys(resource.links).sort())
    links[rel] = asArray(resource.links[rel]).map(normalLink);
  const embedded: { [rel: string]: NormalResource[] } = {};
  for (const rel of Object.keys(resource.embedded).sort()) {
    embedded[rel] = asArray(resource.embedded[rel]).map(normalize);
  }
  const properties: { [name: string]: NormalValue } = {};
  for (const name of Object.keys(resource.properties).sort()) {
    properties[name] = normalValue(resource.properties[name] as PropertyValue);
  }
  return { rel: resource.rel, href: resource.href, properties, links, embedded };
}

export interface NormalLink {
  readonly rel: string;
  readonly href: string;
  readonly title?: string;
  readonly revision?: number;
}

export type NormalValue =
  | string
  | null
  | readonly NormalValue[]
  | { readonly [key: string]: NormalValue };

export interface NormalResource {
  readonly rel: string;
  readonly href: string;
  readonly properties: { readonly [name: string]: NormalValue };
  readonly links: { readonly [rel: string]: readonly NormalLink[] };
  readonly embedded: { readonly [rel: string]: readonly NormalResource[] };
}

function asArray<T>(value: T | readonly T[] | undefined): readonly T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

function normalLink(link: Link): NormalLink {
  return { ...link };
}

const ISO_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?$/;

function normalValue(value: PropertyValue): NormalValue {
  if (value === null) return null;
  if (value instanceof Date) return String(value.getTime());
  if (Array.isArray(value)) return (value as readonly PropertyValue[]).map(normalValue);
  if (typeof value === 'object') {
    const object = value as { readonly [key: string]: PropertyValue };
    const out: { [key: string]: NormalValue } = {};
    for (const key of Object.keys(object).sort())
      out[key] = normalValue(object[key] as PropertyValue);
    return out;
  }
  const text = String(value);
  if (/^(true|false)$/i.test(text)) return text.toLowerCase();
  if (ISO_DATE.test(text)) {
    const time = Date.parse(text);
    if (!Number.isNaN(time)) return String(time);
  }
  return text;
}
