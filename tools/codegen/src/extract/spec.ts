// extractSpec(docsDir): reads every reference page and assembles the spec + findings.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEnumPage } from './enums.ts';
import { type InferContext, inferEmbedded, inferLinks, inferProperties } from './infer.ts';
import { observeExample, type Representation } from './observe.ts';
import { type RawPage, readResourcePage } from './page.ts';
import type {
  EnumSpec,
  ExtractReport,
  ExtractResult,
  Finding,
  HttpMethod,
  OperationSpec,
  ResourceSpec,
  Spec,
} from './types.ts';

export const ATTRIBUTION = 'UCWA 2.0 reference © Microsoft, CC BY 4.0';

const PAGE = /^(.+)_ref\.md$/i;

function sortKeys<T>(rec: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(rec).sort()) {
    const v = rec[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

function pageLists(docsDir: string): { resources: [string, string][]; enums: [string, string][] } {
  const resources: [string, string][] = [];
  const enums: [string, string][] = [];
  for (const file of readdirSync(docsDir).sort()) {
    const m = PAGE.exec(file);
    if (!m || m[1] === undefined) continue;
    const name = m[1];
    (/^[a-z]/.test(name) ? resources : enums).push([file, name]);
  }
  return { resources, enums };
}

function revisionOf(name: string, names: ReadonlySet<string>): { rel: string; revision: number } {
  const m = /^(.*[A-Za-z])2$/.exec(name);
  if (m && m[1] !== undefined && names.has(m[1])) return { rel: m[1], revision: 2 };
  return { rel: name, revision: 1 };
}

export function extractSpec(docsDir: string): ExtractResult {
  const skipped: Finding[] = [];
  const notes: Finding[] = [];
  const lists = pageLists(docsDir);

  const enums: Record<string, EnumSpec> = {};
  for (const [file, name] of lists.enums) {
    enums[name] = readEnumPage(file, readFileSync(join(docsDir, file), 'utf8'), notes);
  }
  const enumNames = new Set(Object.keys(enums));
  const pageNames = new Set(lists.resources.map(([, n]) => n));
  const lowerToPage = new Map(lists.resources.map(([, n]) => [n.toLowerCase(), n] as const));

  const raws: RawPage[] = lists.resources.map(([file, name]) =>
    readResourcePage(file, name, readFileSync(join(docsDir, file), 'utf8')),
  );
  for (const r of raws) notes.push(...r.findings);

  // Every representation in every usable example, indexed by the rel it carries.
  const byRel = new Map<string, Representation[]>();
  for (const r of raws) {
    const exs = [...r.operations.flatMap((o) => o.examples), ...r.eventExamples];
    for (const ex of exs) {
      for (const rep of observeExample(ex, r.file)) {
        const list = byRel.get(rep.rel) ?? [];
        list.push(rep);
        byRel.set(rep.rel, list);
      }
    }
  }

  const ctx: InferContext = { enumNames, pageNames };
  const resources: Record<string, ResourceSpec> = {};
  for (const raw of raws) {
    const { rel, revision } = revisionOf(raw.name, pageNames);
    // A revision page's own examples describe it; other pages' examples of the same rel are shared.
    const reps = (byRel.get(rel) ?? []).filter(
      (rep) => rep.page === raw.file || !isSibling(rep.page, raw.file, rel),
    );
    // The page's own GET response describes this resource even when its root carries another rel.
    const otherRels = new Set<string>();
    for (const op of raw.operations) {
      if (op.response.kind !== 'self') continue;
      for (const ex of op.examples.filter((e) => e.kind === 'response')) {
        const root = observeExample(ex, raw.file).find((r) => r.root);
        if (root && root.rel !== rel) {
          reps.unshift(root);
          otherRels.add(root.rel);
        }
      }
    }
    for (const o of otherRels) {
      notes.push({
        page: raw.file,
        what: `own GET response example carries rel "${o}" instead of "${rel}" (used for typing)`,
      });
    }
    const operations: Partial<Record<HttpMethod, OperationSpec>> = {};
    for (const op of raw.operations) {
      if (operations[op.method]) {
        skipped.push({ page: raw.file, what: `second ${op.method} section ignored` });
        continue;
      }
      for (const b of op.body) {
        if (b.type === 'enum' && b.enum !== undefined && !enumNames.has(b.enum)) {
          notes.push({
            page: raw.file,
            what: `${op.method} body parameter ${b.name} names enumeration ${b.enum}, which has no page`,
          });
        }
        if (b.type === 'unknown')
          notes.push({
            page: raw.file,
            what: `${op.method} body parameter ${b.name} has no type words`,
          });
      }
      const spec: OperationSpec = {
        query: op.query,
        body: op.body,
        errors: op.errors,
        examples: op.examples,
      };
      const resp = op.response;
      if (resp.kind === 'self') spec.response = rel;
      else if (resp.kind === 'item') {
        const target = resp.target.replace(/_ref\.md$/i, '');
        const byText = /^[a-z][A-Za-z0-9]*$/.test(resp.text)
          ? lowerToPage.get(resp.text.toLowerCase())
          : undefined;
        const byTarget = lowerToPage.get(target.toLowerCase());
        const page = byText ?? byTarget;
        if (page !== undefined) spec.response = revisionOf(page, pageNames).rel;
        else
          skipped.push({
            page: raw.file,
            what: `${op.method} response item "${resp.text}" (${resp.target}) names no resource page`,
          });
      } else if (resp.kind === 'unnamed') {
        notes.push({ page: raw.file, what: `${op.method} response body table names no resource` });
      }
      operations[op.method] = spec;
    }
    if (reps.length === 0 && (raw.properties.length > 0 || raw.links.length > 1)) {
      notes.push({ page: raw.file, what: 'no usable example shows this resource' });
    }
    const dupLinks = raw.links.map((l) => l.rel).filter((r, i, a) => a.indexOf(r) !== i);
    for (const d of new Set(dupLinks))
      notes.push({ page: raw.file, what: `Links table lists "${d}" more than once (kept once)` });
    resources[raw.name] = {
      page: raw.file,
      rel,
      revision,
      properties: inferProperties(raw, reps, ctx),
      links: inferLinks(raw, reps, ctx),
      embedded: inferEmbedded(raw, reps),
      scopes: raw.scopes,
      events: raw.events,
      put: operations.PUT !== undefined,
      operationResource: raw.events.some((e) => e.type === 'Started' || e.type === 'Completed'),
      operations,
      eventExamples: raw.eventExamples,
    };
    const spec = resources[raw.name];
    if (spec && otherRels.size > 0) spec.relInExamples = [...otherRels].sort();
  }

  const spec: Spec = {
    source: {
      title: 'Unified Communications Web API (UCWA) 2.0 reference: extracted facts',
      attribution: ATTRIBUTION,
      license: 'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)',
      origin:
        'Microsoft Skype SDK documentation repository, folder SkypeSDK-ops-redirect/UCWA (*_ref.md pages)',
      note: 'Names, types, links, events, errors and example payloads only; no description prose. Example bodies marked "repaired" had conversion damage undone (see each example\'s repairs); "unusable" ones did not parse.',
    },
    resources: sortKeys(resources),
    enums: sortKeys(enums),
  };
  const report: ExtractReport = { skipped, notes };
  return { spec, report };
}

/** Pages of the other revision of the same rel (e.g. myGroups vs myGroups2). */
function isSibling(otherPage: string, ownPage: string, rel: string): boolean {
  const base = `${rel}_ref.md`.toLowerCase();
  const rev2 = `${rel}2_ref.md`.toLowerCase();
  const o = otherPage.toLowerCase();
  return o !== ownPage.toLowerCase() && (o === base || o === rev2);
}
