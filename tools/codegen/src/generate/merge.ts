// Folds the reference's pages into one entry per rel. The "2" pages (myGroups2, ...)
// describe a later revision of the same rel; revisions are backward compatible
// (Versioning.md), so a rel's shape is the union of its pages, later pages winning
// where they disagree.
import type {
  EmbeddedSpec,
  EventSpec,
  HttpMethod,
  LinkSpec,
  OperationSpec,
  PropertySpec,
  ResourceSpec,
  Spec,
} from '../extract/types.ts';

export interface RelEntry {
  rel: string;
  pages: string[];
  revisions: number[];
  properties: PropertySpec[];
  links: LinkSpec[];
  embedded: EmbeddedSpec[];
  scopes: string[];
  events: EventSpec[];
  put: boolean;
  operationResource: boolean;
  operations: Partial<Record<HttpMethod, OperationSpec>>;
}

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'];

function unionBy<T>(earlier: readonly T[], later: readonly T[], key: (item: T) => string): T[] {
  const out = new Map<string, T>();
  for (const item of earlier) out.set(key(item), item);
  for (const item of later) {
    const k = key(item);
    const prev = out.get(k);
    // A later revision may widen a single link into an array; never narrow it back.
    if (prev !== undefined && isArrayish(prev) && !isArrayish(item)) continue;
    out.set(k, item);
  }
  return [...out.values()];
}

function isArrayish(item: unknown): boolean {
  return typeof item === 'object' && item !== null && (item as { array?: unknown }).array === true;
}

function mergeInto(entry: RelEntry, page: ResourceSpec): RelEntry {
  const operations: Partial<Record<HttpMethod, OperationSpec>> = { ...entry.operations };
  for (const method of METHODS) {
    const op = page.operations[method];
    if (op !== undefined) operations[method] = op;
  }
  return {
    rel: entry.rel,
    pages: [...entry.pages, page.page],
    revisions: [...entry.revisions, page.revision],
    properties: unionBy(entry.properties, page.properties, (p) => p.name),
    links: unionBy(entry.links, page.links, (l) => l.rel),
    embedded: unionBy(entry.embedded, page.embedded, (e) => e.rel),
    scopes: [...new Set([...entry.scopes, ...page.scopes])],
    events: unionBy(entry.events, page.events, (e) => `${e.type}|${e.resource}|${e.sender}`),
    put: entry.put || page.put,
    operationResource: entry.operationResource || page.operationResource,
    operations,
  };
}

/** One entry per rel, sorted by rel; pages of one rel merged in revision order. */
export function mergeRevisions(spec: Spec): RelEntry[] {
  const pages = Object.values(spec.resources).sort(
    (a, b) => a.rel.localeCompare(b.rel, 'en') || a.revision - b.revision,
  );
  const byRel = new Map<string, RelEntry>();
  for (const page of pages) {
    const empty: RelEntry = {
      rel: page.rel,
      pages: [],
      revisions: [],
      properties: [],
      links: [],
      embedded: [],
      scopes: [],
      events: [],
      put: false,
      operationResource: false,
      operations: {},
    };
    byRel.set(page.rel, mergeInto(byRel.get(page.rel) ?? empty, page));
  }
  return [...byRel.values()];
}
