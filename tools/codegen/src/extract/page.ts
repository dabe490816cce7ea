// Reads one resource page into raw facts (tables, examples); typing happens in infer.ts.

import { parseEventSample, parseHttpExample } from './examples.ts';
import {
  allLinks,
  childSection,
  findSection,
  findSections,
  leadingLink,
  type MdSection,
  type MdTable,
  parseFences,
  parseSections,
  parseTables,
  saysNone,
} from './md.ts';
import { paramType } from './params.ts';
import type {
  BodyParam,
  ErrorSpec,
  EventSpec,
  EventType,
  Example,
  Finding,
  HttpMethod,
  QueryParam,
} from './types.ts';

export interface RawProperty {
  name: string;
  /** capitalised link targets in the description (candidate enumeration pages) */
  enumLinks: string[];
}

export interface RawLink {
  rel: string;
  /** the description says "A collection of" / "list of" */
  collectionWording: boolean;
}

export type RawResponse =
  | { kind: 'none' }
  | { kind: 'self' }
  | { kind: 'item'; text: string; target: string }
  | { kind: 'unnamed' };

export interface RawOperation {
  method: HttpMethod;
  query: QueryParam[];
  body: BodyParam[];
  response: RawResponse;
  errors: ErrorSpec[];
  examples: Example[];
}

export interface RawPage {
  name: string;
  file: string;
  properties: RawProperty[];
  links: RawLink[];
  /**
   * The member rel when the page's opening line says the resource is "A collection of
   * [member](member_ref.md) resources": its link to the members is then an array.
   */
  collectionOf: string | undefined;
  scopes: string[];
  events: EventSpec[];
  eventExamples: Example[];
  operations: RawOperation[];
  findings: Finding[];
}

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'];
const EVENT_TYPES: readonly EventType[] = ['Added', 'Updated', 'Deleted', 'Started', 'Completed'];
const EXAMPLE_HEADING = /^(JSON|XML)\s+(Request|Response)$/i;

function firstTable(s: MdSection | undefined): MdTable | undefined {
  return s ? parseTables(s.lines)[0] : undefined;
}

function col(table: MdTable, name: string): number {
  return table.header.findIndex((h) => h.toLowerCase().startsWith(name.toLowerCase()));
}

function cell(row: readonly string[], i: number): string {
  return i >= 0 ? (row[i] ?? '') : '';
}

function readProperties(root: MdSection): RawProperty[] {
  const t = firstTable(findSection(root, 'Properties'));
  if (!t) return [];
  const n = col(t, 'Name');
  const d = col(t, 'Description');
  return t.rows
    .map((r) => ({
      name: cell(r, n),
      enumLinks: allLinks(cell(r, d))
        .map((l) => l.target.replace(/_ref\.md$/i, ''))
        .filter((x) => /^[A-Z]/.test(x)),
    }))
    .filter((p) => p.name !== '');
}

function readLinks(root: MdSection): RawLink[] {
  const t = firstTable(findSection(root, 'Links'));
  if (!t) return [];
  const n = col(t, 'Link');
  const d = col(t, 'Description');
  return t.rows
    .map((r) => ({
      rel: cell(r, n),
      collectionWording: /^(a |the )?(collection|list) of\b/i.test(cell(r, d)),
    }))
    .filter((l) => l.rel !== '');
}

function readScopes(root: MdSection): string[] {
  const t = firstTable(findSection(root, /^Azure Active Directory scopes/i));
  if (!t) return [];
  const n = col(t, 'Scope');
  return t.rows.map((r) => cell(r, n)).filter((s) => s !== '');
}

function readEvents(
  root: MdSection,
  findings: Finding[],
  file: string,
): { events: EventSpec[]; examples: Example[] } {
  const events: EventSpec[] = [];
  const examples: Example[] = [];
  const sec = findSections(root, 'Events').find((c) => c.level === 2);
  if (!sec) return { events, examples };
  for (const h of sec.children) {
    const type = EVENT_TYPES.find((t) => t.toLowerCase() === h.title.toLowerCase());
    if (!type) {
      findings.push({ page: file, what: `event heading "${h.title}" is not an event type` });
      continue;
    }
    if (h.title !== type)
      findings.push({ page: file, what: `event heading "${h.title}" read as ${type}` });
    const t = firstTable(h);
    if (t) {
      const [r, p, s] = [col(t, 'Resource'), col(t, 'Priority'), col(t, 'Sender')];
      for (const row of t.rows) {
        events.push({ type, priority: cell(row, p), sender: cell(row, s), resource: cell(row, r) });
      }
    }
    const ex = parseEventSample(h.lines);
    if (ex) examples.push(ex);
  }
  return { events, examples };
}

function readQuery(op: MdSection): QueryParam[] {
  const t = firstTable(childSection(op, 'Query parameters'));
  if (!t) return [];
  const [n, d, q] = [col(t, 'Name'), col(t, 'Description'), col(t, 'Required')];
  return t.rows.map((r) => {
    const pt = paramType(cell(r, d));
    return {
      name: cell(r, n),
      required: /^yes/i.test(cell(r, q)),
      type: pt.type === 'unknown' ? 'string' : pt.type,
    };
  });
}

function readBody(op: MdSection): BodyParam[] {
  const t = firstTable(childSection(op, 'Request body'));
  if (!t) return [];
  const [n, d, q] = [col(t, 'Name'), col(t, 'Description'), col(t, 'Required')];
  return t.rows.map((r) => {
    const pt = paramType(cell(r, d));
    const p: BodyParam = { name: cell(r, n), type: pt.type, required: /^yes/i.test(cell(r, q)) };
    if (pt.enum !== undefined) p.enum = pt.enum;
    if (pt.array) p.array = true;
    if (pt.nullable) p.nullable = true;
    return p;
  });
}

function readResponse(op: MdSection): RawResponse {
  const s = childSection(op, 'Response body');
  if (!s) return { kind: 'none' };
  const t = firstTable(s);
  if (t) {
    const first = t.rows[0];
    const link = first ? leadingLink(cell(first, 0)) : undefined;
    return link ? { kind: 'item', text: link.text, target: link.target } : { kind: 'unnamed' };
  }
  if (s.lines.some((l) => /contains the properties and links/i.test(l))) return { kind: 'self' };
  return { kind: 'none' };
}

function readErrors(op: MdSection): ErrorSpec[] {
  const t = firstTable(childSection(op, 'Synchronous errors'));
  if (!t) return [];
  const [e, c, s] = [col(t, 'Error'), col(t, 'Code'), col(t, 'Subcode')];
  return t.rows.map((r) => ({
    error: cell(r, e),
    status: Number(cell(r, c)),
    subcode: cell(r, s),
  }));
}

function readExamples(op: MdSection, findings: Finding[], file: string): Example[] {
  const out: Example[] = [];
  for (const c of op.children) {
    const m = EXAMPLE_HEADING.exec(c.title);
    if (!m || m[1] === undefined || m[2] === undefined) continue;
    const format = m[1].toLowerCase() === 'json' ? 'json' : 'xml';
    const kind = m[2].toLowerCase() === 'request' ? 'request' : 'response';
    const fence = parseFences(c.lines)[0];
    if (!fence) {
      findings.push({ page: file, what: `${op.title} ${c.title}: no fenced example block` });
      continue;
    }
    out.push(parseHttpExample(fence.lines, kind, format));
  }
  return out;
}

/** The member rel of a page that opens with "A collection of [member](member_ref.md) ...". */
function collectionOf(text: string): string | undefined {
  const opening = text.split('\n## ')[0] ?? '';
  return /^A collection of \[[^\]]*\]\(([A-Za-z0-9]+)_ref\.md\)/m.exec(opening)?.[1];
}

export function readResourcePage(file: string, name: string, text: string): RawPage {
  const findings: Finding[] = [];
  const root = parseSections(text);
  const ops = findSections(root, 'Operations').find((c) => c.level === 2);
  const operations: RawOperation[] = [];
  for (const op of ops?.children ?? []) {
    const method = METHODS.find((m) => m === op.title.toUpperCase());
    if (!method) {
      findings.push({ page: file, what: `operation heading "${op.title}" is not an HTTP method` });
      continue;
    }
    const body = readBody(op);
    if (
      body.length === 0 &&
      childSection(op, 'Request body') &&
      !saysNone(childSection(op, 'Request body')?.lines ?? [])
    ) {
      findings.push({
        page: file,
        what: `${method} request body section has neither a table nor "None"`,
      });
    }
    operations.push({
      method,
      query: readQuery(op),
      body,
      response: readResponse(op),
      errors: readErrors(op),
      examples: readExamples(op, findings, file),
    });
  }
  const ev = readEvents(root, findings, file);
  return {
    name,
    file,
    properties: readProperties(root),
    links: readLinks(root),
    collectionOf: collectionOf(text),
    scopes: readScopes(root),
    events: ev.events,
    eventExamples: ev.examples,
    operations,
    findings,
  };
}
