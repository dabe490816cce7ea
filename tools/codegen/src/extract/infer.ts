// Property typing, link array-ness and embedded resources for one resource page.

import type { ObservedValue, Representation } from './observe.ts';
import type { RawPage } from './page.ts';
import type { EmbeddedSpec, LinkSpec, PropertySpec, PropertyType } from './types.ts';

const JSON_DATE = /^\/Date\(-?\d+([+-]\d{4})?\)\/$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

interface Typed {
  type: PropertyType;
  array?: boolean;
  source: 'json-example' | 'xml-example';
}

function jsonScalar(v: unknown): PropertyType | undefined {
  if (typeof v === 'string') return JSON_DATE.test(v) ? 'date' : 'string';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'object' && v !== null) return 'object';
  return undefined;
}

/** XML text can only tell dates, booleans and plain text; numeric-looking text decides nothing. */
function xmlScalar(t: string): PropertyType | undefined {
  const s = t.trim();
  if (ISO_DATE.test(s)) return 'date';
  if (s === 'True' || s === 'False' || s === 'true' || s === 'false') return 'boolean';
  if (s === '' || /^-?\d+(\.\d+)?$/.test(s)) return undefined;
  return 'string';
}

export function typeFromObservation(o: ObservedValue): Typed | undefined {
  if (o.from === 'json') {
    if (Array.isArray(o.value)) {
      const el = o.value.map(jsonScalar).find((t) => t !== undefined);
      return { type: el ?? 'string', array: true, source: 'json-example' };
    }
    const t = jsonScalar(o.value);
    return t ? { type: t, source: 'json-example' } : undefined;
  }
  if (o.from === 'xml-list') {
    const el = o.items.map(xmlScalar).find((t) => t !== undefined);
    return { type: el ?? 'string', array: true, source: 'xml-example' };
  }
  const t = xmlScalar(o.text);
  return t ? { type: t, source: 'xml-example' } : undefined;
}

export interface InferContext {
  enumNames: ReadonlySet<string>;
  /** every resource page name, for deciding whether a link description is a target's summary */
  pageNames: ReadonlySet<string>;
}

/** Representations ordered: own page first (JSON before XML), then other pages. */
function ordered(reps: readonly Representation[], page: string): Representation[] {
  const rank = (r: Representation): number =>
    (r.page === page ? 0 : 2) + (r.format === 'json' ? 0 : 1);
  return [...reps].sort((a, b) => rank(a) - rank(b));
}

export function inferProperties(
  raw: RawPage,
  reps: readonly Representation[],
  ctx: InferContext,
): PropertySpec[] {
  const reprs = ordered(reps, raw.file);
  const names: { name: string; enumLinks: string[]; fromExample: boolean }[] = raw.properties.map(
    (p) => ({
      ...p,
      fromExample: false,
    }),
  );
  const seen = new Set(names.map((n) => n.name));
  for (const r of reprs) {
    for (const k of r.properties.keys()) {
      if (k === 'rel' || seen.has(k)) continue;
      seen.add(k);
      names.push({ name: k, enumLinks: [], fromExample: true });
    }
  }
  const params = raw.operations.flatMap((o) => o.body);
  return names.map(({ name, enumLinks, fromExample }) => {
    const obs = reprs.flatMap((r) => {
      const o = r.properties.get(name);
      return o ? [{ o, page: r.page }] : [];
    });
    const typedObs = obs.flatMap(({ o, page }) => {
      const t = typeFromObservation(o);
      return t ? [{ ...t, page }] : [];
    });
    const jsonT = typedObs.find((t) => t.source === 'json-example');
    const anyT = jsonT ?? typedObs[0];
    const isArray = typedObs.some((t) => t.array === true);
    const param = params.find((p) => p.name === name);
    const base: PropertySpec = { name, type: 'string', source: 'fallback' };
    const enumLink = enumLinks.find((e) => ctx.enumNames.has(e));
    if (enumLink !== undefined) {
      Object.assign(base, { type: 'enum', enum: enumLink, source: 'enum-link' });
    } else if (anyT) {
      base.type = anyT.type;
      base.source = anyT.source;
      if (anyT.page !== raw.file) base.examplePage = anyT.page;
      if (
        anyT.type === 'string' &&
        param?.type === 'enum' &&
        param.enum !== undefined &&
        ctx.enumNames.has(param.enum)
      ) {
        Object.assign(base, { type: 'enum', enum: param.enum, source: 'parameter-table' });
        delete base.examplePage;
      }
    } else if (param && param.type !== 'unknown') {
      const t = param.type;
      if (t === 'enum' && param.enum !== undefined && ctx.enumNames.has(param.enum)) {
        Object.assign(base, { type: 'enum', enum: param.enum, source: 'parameter-table' });
      } else if (t === 'string' || t === 'number' || t === 'boolean' || t === 'date') {
        Object.assign(base, { type: t, source: 'parameter-table' });
      }
      if (param.array === true) base.array = true;
    }
    if (isArray) base.array = true;
    if (!anyT && reprs.some((r) => r.links.has(name))) {
      base.inLinks = true;
      if (base.source === 'fallback') {
        base.source = reprs.some((r) => r.format === 'json' && r.links.has(name))
          ? 'json-example'
          : 'xml-example';
      }
    }
    if (fromExample) base.fromExample = true;
    return normalized(base);
  });
}

/** Fixed key order, so the JSON does not depend on which inference path filled the fields. */
function normalized(p: PropertySpec): PropertySpec {
  const out: PropertySpec = { name: p.name, type: p.type, source: p.source };
  if (p.enum !== undefined) out.enum = p.enum;
  if (p.array !== undefined) out.array = p.array;
  if (p.fromExample !== undefined) out.fromExample = p.fromExample;
  if (p.examplePage !== undefined) out.examplePage = p.examplePage;
  if (p.inLinks !== undefined) out.inLinks = p.inLinks;
  return out;
}

export function inferLinks(
  raw: RawPage,
  reps: readonly Representation[],
  ctx: InferContext,
): LinkSpec[] {
  const propNames = new Set(raw.properties.map((p) => p.name));
  const arrayRel = (rel: string): boolean => reps.some((r) => r.links.get(rel)?.array === true);
  const out: LinkSpec[] = [];
  const seen = new Set<string>();
  for (const l of raw.links) {
    if (seen.has(l.rel)) continue;
    seen.add(l.rel);
    // "A collection of ..." in a Links table is the target page's own summary when the target
    // is a collection resource; only wording about a rel with no page of its own counts.
    const wording = l.collectionWording && !ctx.pageNames.has(l.rel);
    // The page of a collection resource names its members' rel: several links to them.
    const members = l.rel === raw.collectionOf;
    out.push({ rel: l.rel, array: arrayRel(l.rel) || wording || members });
  }
  for (const r of ordered(reps, raw.file)) {
    for (const rel of r.links.keys()) {
      if (seen.has(rel) || propNames.has(rel)) continue;
      seen.add(rel);
      out.push({ rel, array: arrayRel(rel), fromExample: true });
    }
  }
  return out;
}

export function inferEmbedded(raw: RawPage, reps: readonly Representation[]): EmbeddedSpec[] {
  const out = new Map<string, EmbeddedSpec>();
  for (const r of ordered(reps, raw.file)) {
    for (const [rel, e] of r.embedded) {
      const prev = out.get(rel);
      if (prev) {
        prev.array = prev.array || e.array;
        continue;
      }
      const spec: EmbeddedSpec = { rel, array: e.array };
      if (e.resourceRel !== undefined) spec.resourceRel = e.resourceRel;
      out.set(rel, spec);
    }
  }
  return [...out.values()];
}
