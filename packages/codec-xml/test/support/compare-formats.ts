import { isDeepStrictEqual } from 'node:util';
import * as json from '@ucwa/codec-json';
import * as xml from '../../src/index.ts';
import { type NormalResource, normalize } from './normalize.ts';
import { type SpecExample, spec, xmlRoot } from './spec.ts';

/** One operation whose JSON and XML response examples both decode to a resource. */
export interface FormatPair {
  readonly resource: string;
  readonly method: string;
  readonly json: string;
  readonly xml: string;
}

/** A field where the normalized models differ: path, JSON value, XML value. */
export type Difference = readonly [path: string, json: unknown, xml: unknown];

function usable(examples: readonly SpecExample[], format: 'json' | 'xml'): SpecExample | undefined {
  return examples.find(
    (e) =>
      e.kind === 'response' &&
      e.format === format &&
      e.body !== null &&
      e.opaque !== true &&
      e.status !== 'unusable',
  );
}

/** Every operation with a usable JSON and a usable XML response resource example. */
export function formatPairs(): FormatPair[] {
  const out: FormatPair[] = [];
  for (const [resource, entry] of Object.entries(spec.resources)) {
    for (const [method, operation] of Object.entries(entry.operations)) {
      const j = usable(operation.examples, 'json');
      const x = usable(operation.examples, 'xml');
      if (j?.body == null || x?.body == null || xmlRoot(x.body) !== 'resource') continue;
      out.push({ resource, method, json: j.body, xml: x.body });
    }
  }
  return out;
}

function walk(path: string, a: unknown, b: unknown, out: Difference[]): void {
  if (isDeepStrictEqual(a, b)) return;
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((item, i) => {
      walk(`${path}[${i}]`, item, b[i], out);
    });
  } else if (
    a !== null &&
    b !== null &&
    typeof a === 'object' &&
    typeof b === 'object' &&
    !Array.isArray(a)
  ) {
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    for (const key of new Set([...Object.keys(left), ...Object.keys(right)]))
      walk(`${path}.${key}`, left[key], right[key], out);
  } else {
    out.push([path, a, b]);
  }
}

/** The fields where a pair's normalized models differ; empty when they are equal. */
export function compare(pair: FormatPair): Difference[] {
  const a: NormalResource = normalize(json.decodeResource(pair.json));
  const b: NormalResource = normalize(xml.decodeResource(pair.xml));
  const out: Difference[] = [];
  walk('', JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)), out);
  return out;
}
