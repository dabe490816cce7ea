// Emits the readable type files: one properties interface per rel, the rel → shape
// map, enumerations, and the event / error vocabularies.
import type { PropertySpec, Spec } from '../extract/types.ts';
import { WIRE_EVENT_TYPES } from './event-types.ts';
import type { RelEntry } from './merge.ts';
import { HEADER, key, literal, pascal, union } from './names.ts';

const SCALAR: Record<PropertySpec['type'], string> = {
  string: 'string',
  number: 'number',
  boolean: 'boolean',
  date: 'Date',
  object: 'PropertyObject',
  enum: 'string',
};

function propertyType(p: PropertySpec, enums: ReadonlySet<string>): string {
  const base =
    p.type === 'enum' && p.enum !== undefined && enums.has(p.enum) ? p.enum : SCALAR[p.type];
  return p.array === true ? `readonly ${base}[]` : base;
}

const SOURCE_TEXT: Record<PropertySpec['source'], string> = {
  'json-example': 'typed from a JSON example',
  'xml-example': 'typed from an XML example',
  'enum-link': 'linked from the property table',
  'parameter-table': 'typed from a request-parameter table',
  'embedded-example': "typed from another page's example embedding it",
  fallback: 'no example or table gives a type: string by default',
};

function describeProperty(p: PropertySpec, pages: string): string {
  const shape = p.type === 'enum' ? `enumeration ${p.enum ?? '?'}` : p.type;
  return `\`${p.name}\` (${pages}): ${shape}${p.array === true ? ' list' : ''}, ${SOURCE_TEXT[p.source]}.`;
}

function propertiesInterface(entry: RelEntry, enums: ReadonlySet<string>): string {
  const name = `${pascal(entry.rel)}Properties`;
  const pages = entry.pages.join(', ');
  const lines = [`/** Properties of the \`${entry.rel}\` resource (${pages}). */`];
  if (entry.properties.length === 0) {
    lines.push(`export type ${name} = {};`);
    return lines.join('\n');
  }
  // A type literal, not an interface: only type literals are assignable to the
  // index-signature bags of UnknownResource, which every typed resource must be.
  lines.push(`export type ${name} = {`);
  for (const p of entry.properties) {
    lines.push(`  /** ${describeProperty(p, pages)} */`);
    lines.push(`  readonly ${key(p.name)}?: ${propertyType(p, enums)};`);
  }
  lines.push('};');
  return lines.join('\n');
}

function cardinalityMap(items: readonly { rel: string; array: boolean }[]): string {
  if (items.length === 0) return '{}';
  const body = items.map((i) => `      readonly ${key(i.rel)}: ${i.array ? "'many'" : "'one'"};`);
  return `{\n${body.join('\n')}\n    }`;
}

export function emitResources(entries: readonly RelEntry[], spec: Spec): string {
  const enums = new Set(Object.keys(spec.enums));
  const used = new Set<string>();
  for (const e of entries)
    for (const p of e.properties)
      if (p.type === 'enum' && p.enum !== undefined && enums.has(p.enum)) used.add(p.enum);
  const out = [HEADER('resources.ts')];
  if (used.size > 0) {
    out.push(`import type { ${[...used].sort().join(', ')} } from './enums.ts';`, '');
  }
  out.push(
    '/** Any value a UCWA property can hold once decoded. */',
    'export type PropertyValue =',
    '  | string',
    '  | number',
    '  | boolean',
    '  | Date',
    '  | null',
    '  | readonly PropertyValue[]',
    '  | PropertyObject;',
    '',
    '/** A property value the reference shows as a JSON object. */',
    'export type PropertyObject = { readonly [key: string]: PropertyValue };',
    '',
  );
  for (const entry of entries) out.push(propertiesInterface(entry, enums), '');
  out.push(
    '/**',
    ' * Every documented rel with its properties and the cardinality of its links and',
    " * embedded resources ('one' or 'many'). Keys are the rels the server sends.",
    ' */',
    'export interface ResourceSchemas {',
  );
  for (const entry of entries) {
    out.push(
      `  readonly ${key(entry.rel)}: {`,
      `    readonly properties: ${pascal(entry.rel)}Properties;`,
      `    readonly links: ${cardinalityMap(entry.links)};`,
      `    readonly embedded: ${cardinalityMap(entry.embedded)};`,
      '  };',
    );
  }
  out.push(
    '}',
    '',
    '/** A rel documented in the reference. */',
    'export type Rel = keyof ResourceSchemas;',
    '',
  );
  return out.join('\n');
}

export function emitEnums(spec: Spec): string {
  const names = Object.keys(spec.enums).sort();
  const out = [HEADER('enums.ts')];
  for (const name of names) {
    const e = spec.enums[name];
    if (e === undefined) continue;
    out.push(
      `/** Values of the \`${name}\` enumeration (${e.page}). */`,
      `export const ${name}Values = [${e.values.map(literal).join(', ')}] as const;`,
      `/** One value of the \`${name}\` enumeration (${e.page}). */`,
      `export type ${name} = (typeof ${name}Values)[number];`,
      '',
    );
  }
  out.push('/** Every enumeration by name, with its values in documented order. */');
  out.push('export const enumerations = {');
  for (const name of names) out.push(`  ${key(name)}: ${name}Values,`);
  out.push('} as const;', '', '/** The name of a documented enumeration. */');
  out.push('export type EnumName = keyof typeof enumerations;', '');
  return out.join('\n');
}

export function emitVocabulary(entries: readonly RelEntry[]): string {
  const priorities = new Set<string>();
  const senders = new Set<string>();
  const codes = new Set<string>();
  const subcodes = new Set<string>();
  const scopes = new Set<string>();
  for (const e of entries) {
    for (const ev of e.events) {
      priorities.add(ev.priority);
      senders.add(ev.sender);
    }
    for (const s of e.scopes) scopes.add(s);
    for (const op of Object.values(e.operations)) {
      for (const err of op?.errors ?? []) {
        codes.add(err.error);
        subcodes.add(err.subcode);
      }
    }
  }
  const sorted = (s: Set<string>): string[] => [...s].sort();
  return [
    HEADER('vocabulary.ts'),
    '/** Event types as the event channel sends them (EventsInUCWA.md). */',
    `export type EventType = ${union(WIRE_EVENT_TYPES)};`,
    '',
    '/** Every {@link EventType}, in the order the reference lists them. */',
    `export const eventTypes: readonly EventType[] = [${WIRE_EVENT_TYPES.map(literal).join(', ')}];`,
    '',
    '/** Event priorities named in the reference. */',
    `export type EventPriority = ${union(sorted(priorities))};`,
    '',
    '/** Rels that the reference names as the sender of an event. */',
    `export type EventSenderRel = ${union(sorted(senders))};`,
    '',
    '/** Error codes that resource pages list for their synchronous errors. */',
    `export type DocumentedErrorCode = ${union(sorted(codes))};`,
    '',
    '/** Error subcodes that resource pages list for their synchronous errors. */',
    `export type DocumentedErrorSubcode = ${union(sorted(subcodes))};`,
    '',
    '/** Azure Active Directory scopes named by resource pages. */',
    `export type Scope = ${union(sorted(scopes))};`,
    '',
    '/** HTTP methods the reference documents on resources. */',
    "export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'OPTIONS';",
    '',
  ].join('\n');
}
