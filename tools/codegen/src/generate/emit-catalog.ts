// Emits the runtime catalogs: a compact one with just what codecs need (property
// types that are not strings, array links and array embedded resources), kept small
// for browser bundles, and the full one (operations, events, errors, scopes) for the
// emulator and the client.
import type { HttpMethod, PropertySpec } from '../extract/types.ts';
import { WIRE_EVENT } from './event-types.ts';
import type { RelEntry } from './merge.ts';
import { HEADER, key } from './names.ts';

const CODE: Partial<Record<PropertySpec['type'], string>> = {
  number: 'n',
  boolean: 'b',
  date: 'd',
  object: 'o',
};

function propertyCode(p: PropertySpec): string | undefined {
  const base = CODE[p.type];
  if (p.array === true) return `${base ?? 's'}[]`;
  return base;
}

function list(values: readonly string[]): string {
  return `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;
}

export function emitCodecCatalog(entries: readonly RelEntry[]): string {
  const out = [
    HEADER('codec-catalog.ts'),
    '/**',
    " * A property's wire type: 'n' number, 'b' boolean, 'd' date, 'o' object; a trailing",
    " * '[]' marks an array (a propertyList in XML). Strings and enumeration values are the",
    ' * default and are not listed.',
    ' */',
    "export type PropertyCode = 'n' | 'b' | 'd' | 'o' | 's[]' | 'n[]' | 'b[]' | 'd[]' | 'o[]';",
    '',
    '/** What a codec must know of one rel: typed properties and which rels are arrays. */',
    'export interface CodecShape {',
    '  /** Properties that are not plain strings, by name. */',
    '  readonly p?: { readonly [name: string]: PropertyCode };',
    '  /** Link rels that are arrays. */',
    '  readonly l?: readonly string[];',
    '  /** Embedded rels that are arrays. */',
    '  readonly e?: readonly string[];',
    '}',
    '',
    '/** Codec shapes by rel; a rel with only strings and single links is absent. */',
    'export const codecCatalog: { readonly [rel: string]: CodecShape } = {',
  ];
  for (const entry of entries) {
    const parts: string[] = [];
    const props = entry.properties
      .map((p) => [p.name, propertyCode(p)] as const)
      .filter((pair): pair is readonly [string, string] => pair[1] !== undefined);
    if (props.length > 0) {
      parts.push(`p: { ${props.map(([n, c]) => `${key(n)}: '${c}'`).join(', ')} }`);
    }
    const links = entry.links.filter((l) => l.array).map((l) => l.rel);
    if (links.length > 0) parts.push(`l: ${list(links)}`);
    const embedded = entry.embedded.filter((e) => e.array).map((e) => e.rel);
    if (embedded.length > 0) parts.push(`e: ${list(embedded)}`);
    if (parts.length > 0) out.push(`  ${key(entry.rel)}: { ${parts.join(', ')} },`);
  }
  out.push('};', '');
  return out.join('\n');
}

function json(value: unknown): string {
  return JSON.stringify(value);
}

function entryLiteral(entry: RelEntry): string[] {
  const props = entry.properties.map((p) => {
    const shape: Record<string, unknown> = { type: p.type };
    if (p.enum !== undefined) shape.enum = p.enum;
    if (p.array === true) shape.array = true;
    return `      ${key(p.name)}: ${json(shape)},`;
  });
  const card = (items: readonly { rel: string; array: boolean }[]): string =>
    `{ ${items.map((i) => `${key(i.rel)}: '${i.array ? 'many' : 'one'}'`).join(', ')} }`;
  const events = entry.events.map(
    (e) =>
      `      { type: '${WIRE_EVENT[e.type]}', priority: ${json(e.priority)}, sender: ${json(e.sender)}, resource: ${json(e.resource)} },`,
  );
  const ops: string[] = [];
  for (const method of [
    'GET',
    'POST',
    'PUT',
    'DELETE',
    'OPTIONS',
  ] as const satisfies readonly HttpMethod[]) {
    const op = entry.operations[method];
    if (op === undefined) continue;
    const query = op.query.map((q) => ({ name: q.name, type: q.type, required: q.required }));
    const body = op.body.map((b) => {
      const p: Record<string, unknown> = { name: b.name, type: b.type, required: b.required };
      if (b.enum !== undefined) p.enum = b.enum;
      if (b.array === true) p.array = true;
      return p;
    });
    const errors = op.errors.map((e) => ({ error: e.error, status: e.status, subcode: e.subcode }));
    ops.push(`      ${method}: {`);
    ops.push(`        query: ${json(query)},`);
    ops.push(`        body: ${json(body)},`);
    if (op.response !== undefined) ops.push(`        response: ${json(op.response)},`);
    ops.push(`        errors: ${json(errors)},`);
    ops.push('      },');
  }
  return [
    `  ${key(entry.rel)}: {`,
    `    pages: ${list(entry.pages)},`,
    `    revisions: ${json(entry.revisions)},`,
    props.length > 0 ? `    properties: {\n${props.join('\n')}\n    },` : '    properties: {},',
    `    links: ${card(entry.links)},`,
    `    embedded: ${card(entry.embedded)},`,
    `    scopes: ${list(entry.scopes)},`,
    events.length > 0 ? `    events: [\n${events.join('\n')}\n    ],` : '    events: [],',
    `    put: ${entry.put},`,
    `    operationResource: ${entry.operationResource},`,
    ops.length > 0 ? `    operations: {\n${ops.join('\n')}\n    },` : '    operations: {},',
    '  },',
  ];
}

export function emitCatalog(entries: readonly RelEntry[]): string {
  const out = [
    HEADER('catalog.ts'),
    "import type { Rel } from './resources.ts';",
    "import type { EventPriority, EventType, HttpMethod } from './vocabulary.ts';",
    '',
    "/** A property's type as the reference shows it. */",
    'export interface CatalogProperty {',
    "  readonly type: 'string' | 'number' | 'boolean' | 'date' | 'enum' | 'object';",
    '  /** The enumeration, for `enum` properties. */',
    '  readonly enum?: string;',
    '  /** Whether the value is a list (a propertyList in XML). */',
    '  readonly array?: boolean;',
    '}',
    '',
    '/** A query or body parameter of an operation. */',
    'export interface CatalogParameter {',
    '  readonly name: string;',
    '  readonly type: string;',
    '  readonly required: boolean;',
    '  readonly enum?: string;',
    '  readonly array?: boolean;',
    '}',
    '',
    '/** A synchronous error a resource documents for an operation. */',
    'export interface CatalogError {',
    '  readonly error: string;',
    '  readonly status: number;',
    '  readonly subcode: string;',
    '}',
    '',
    '/** One HTTP method on a resource. */',
    'export interface CatalogOperation {',
    '  readonly query: readonly CatalogParameter[];',
    '  readonly body: readonly CatalogParameter[];',
    '  /** The rel of the resource the response carries, when there is one. */',
    '  readonly response?: string;',
    '  readonly errors: readonly CatalogError[];',
    '}',
    '',
    '/** An event the reference documents for a resource. */',
    'export interface CatalogEvent {',
    '  readonly type: EventType;',
    '  readonly priority: EventPriority;',
    '  readonly sender: string;',
    '  readonly resource: string;',
    '}',
    '',
    '/** Everything the reference says of one rel, merged over its revisions. */',
    'export interface CatalogResource {',
    '  readonly pages: readonly string[];',
    '  readonly revisions: readonly number[];',
    '  readonly properties: { readonly [name: string]: CatalogProperty };',
    "  readonly links: { readonly [rel: string]: 'one' | 'many' };",
    "  readonly embedded: { readonly [rel: string]: 'one' | 'many' };",
    '  readonly scopes: readonly string[];',
    '  readonly events: readonly CatalogEvent[];',
    '  /** Accepts PUT, so a client must play back every property with its ETag. */',
    '  readonly put: boolean;',
    '  /** Reports progress with started / completed events (OperationResource.md). */',
    '  readonly operationResource: boolean;',
    '  readonly operations: { readonly [M in HttpMethod]?: CatalogOperation };',
    '}',
    '',
    '/** The whole catalog, by rel. */',
    'export const catalog: { readonly [R in Rel]: CatalogResource } = {',
  ];
  for (const entry of entries) out.push(...entryLiteral(entry));
  out.push('};', '');
  return out.join('\n');
}
