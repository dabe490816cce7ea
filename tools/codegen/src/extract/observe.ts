// Collects what example bodies show about resource representations: property values,
// link rels and embedded resources, for every object that carries a `rel` and `_links`
// (JSON) and every `<resource rel>` element (XML).
import type { Example } from './types.ts';
import { attr, elementChildren, parseXml, textOf, type XmlElement } from './xml.ts';

export type ObservedValue =
  | { from: 'json'; value: unknown }
  | { from: 'xml'; text: string }
  | { from: 'xml-list'; items: string[] };

export interface Representation {
  rel: string;
  page: string;
  format: 'json' | 'xml';
  /** the body's outermost representation */
  root: boolean;
  properties: Map<string, ObservedValue>;
  /** rel -> how many times / whether given as an array */
  links: Map<string, { array: boolean }>;
  embedded: Map<string, { array: boolean; resourceRel?: string }>;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fromJson(obj: Record<string, unknown>, page: string, out: Representation[]): void {
  const rel = obj.rel;
  const links = obj._links;
  if (typeof rel === 'string' && isRecord(links)) {
    const rep: Representation = {
      rel,
      page,
      format: 'json',
      root: false,
      properties: new Map(),
      links: new Map(),
      embedded: new Map(),
    };
    for (const [k, v] of Object.entries(obj)) {
      if (k === 'rel' || k === '_links' || k === '_embedded') continue;
      rep.properties.set(k, { from: 'json', value: v });
    }
    for (const [k, v] of Object.entries(links)) rep.links.set(k, { array: Array.isArray(v) });
    const emb = obj._embedded;
    if (isRecord(emb)) {
      for (const [k, v] of Object.entries(emb)) {
        const first = Array.isArray(v) ? v[0] : v;
        const inner = isRecord(first) ? first.rel : undefined;
        const e: { array: boolean; resourceRel?: string } = { array: Array.isArray(v) };
        if (typeof inner === 'string' && inner !== k) e.resourceRel = inner;
        rep.embedded.set(k, e);
      }
    }
    out.push(rep);
  }
  for (const v of Object.values(obj)) walkJson(v, page, out);
}

function walkJson(v: unknown, page: string, out: Representation[]): void {
  if (Array.isArray(v)) for (const x of v) walkJson(x, page, out);
  else if (isRecord(v)) fromJson(v, page, out);
}

function fromXml(e: XmlElement, page: string, out: Representation[]): void {
  const rel = e.name === 'resource' ? attr(e, 'rel') : undefined;
  if (rel !== undefined) {
    const rep: Representation = {
      rel,
      page,
      format: 'xml',
      root: false,
      properties: new Map(),
      links: new Map(),
      embedded: new Map(),
    };
    for (const c of elementChildren(e)) {
      const name = attr(c, 'name');
      if (c.name === 'property' && name !== undefined && name !== 'rel') {
        rep.properties.set(name, { from: 'xml', text: textOf(c) });
      } else if (c.name === 'propertyList' && name !== undefined) {
        const items = elementChildren(c)
          .filter((i) => i.name === 'item')
          .map(textOf);
        rep.properties.set(name, { from: 'xml-list', items });
      } else if (c.name === 'link') {
        const r = attr(c, 'rel');
        if (r !== undefined) rep.links.set(r, { array: rep.links.has(r) });
      } else if (c.name === 'resource') {
        const r = attr(c, 'rel');
        if (r !== undefined) rep.embedded.set(r, { array: rep.embedded.has(r) });
      }
    }
    out.push(rep);
  }
  for (const c of elementChildren(e)) fromXml(c, page, out);
}

/** Representations found in one usable example body. */
export function observeExample(ex: Example, page: string): Representation[] {
  if (ex.status === 'unusable' || ex.body === null) return [];
  const out: Representation[] = [];
  try {
    const body: unknown = ex.format === 'json' ? JSON.parse(ex.body) : undefined;
    if (ex.format === 'json') walkJson(body, page, out);
    else fromXml(parseXml(ex.body), page, out);
    const first = out[0];
    const isRoot = ex.format === 'xml' || (isRecord(body) && typeof body.rel === 'string');
    if (first && isRoot) first.root = true;
  } catch {
    return [];
  }
  return out;
}
