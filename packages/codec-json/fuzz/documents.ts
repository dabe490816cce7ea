// Fuzzed JSON documents: valid documents mutated as text and as trees, and random JSON.
// Shared by test/fuzz.test.ts (a fast run) and fuzz.ts (a long run).
import fc from 'fast-check';
import { json } from '../../model/test-support/formats.ts';
import * as codec from '../src/index.ts';
import * as oauth from '../src/oauth.ts';
import { jsonExamples } from '../test/spec-examples.ts';

/** Snippets that probe the decoders' refusals when spliced into a document. */
const SNIPPETS = [
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '"\\/Date(99999999999999999)\\/"',
  '"\\/Date(12+9999)\\/"',
  '"\\/Date(x)\\/"',
  '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
  '{"href":5}',
  '{"_links":[]}',
  'null',
  '"',
  '}',
  ',',
  '\\u0000',
  '1e999',
];

const examples = jsonExamples.map((example) => example.body);

/** A valid document as text: a spec example or an encoded generated model. */
const validText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...examples) },
  { weight: 1, arbitrary: json.resource(2).map((r) => codec.encodeResource(r)) },
  { weight: 1, arbitrary: json.eventBatch.map((b) => codec.encodeEventBatch(b)) },
  { weight: 1, arbitrary: json.errorBody.map((e) => codec.encodeError(e)) },
);

type Edit = readonly [position: number, cut: number, insert: string];

const edit: fc.Arbitrary<Edit> = fc.tuple(
  fc.nat(),
  fc.nat({ max: 8 }),
  fc.oneof(
    fc.constantFrom(...SNIPPETS),
    fc.string({ maxLength: 4 }),
    fc.string({ unit: 'binary', maxLength: 2 }),
  ),
);

function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const [position, cut, insert] of edits) {
    const at = out.length === 0 ? 0 : position % out.length;
    out = out.slice(0, at) + insert + out.slice(at + cut);
  }
  return out;
}

/** Text mutations: cut, insert and splice at random places. */
const textMutant = fc
  .tuple(validText, fc.array(edit, { minLength: 1, maxLength: 3 }))
  .map(([t, e]) => applyEdits(t, e));

/** Every container and key of a parsed document, to pick one to replace. */
function slots(root: unknown): { parent: { [key: string]: unknown }; key: string }[] {
  const out: { parent: { [key: string]: unknown }; key: string }[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    const record = node as { [key: string]: unknown };
    for (const key of Object.keys(record)) {
      out.push({ parent: record, key });
      stack.push(record[key]);
    }
  }
  return out;
}

/** Tree mutations: one value replaced by random JSON or a hostile snippet. */
const treeMutant = fc
  .tuple(
    validText,
    fc.nat(),
    fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(...SNIPPETS.slice(0, 8)).map((s) => JSON.parse(s) as unknown),
    ),
  )
  .map(([t, pick, replacement]) => {
    const root: unknown = JSON.parse(t);
    const all = slots(root);
    const slot = all[pick % Math.max(all.length, 1)];
    if (slot === undefined) return JSON.stringify(replacement);
    slot.parent[slot.key] = replacement;
    return JSON.stringify(root);
  });

/** Random JSON and random text. */
const randomDocument = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc
    .dictionary(
      fc.constantFrom('rel', '_links', '_embedded', 'sender', 'code', 'access_token', 'x'),
      fc.jsonValue({ maxDepth: 3 }),
    )
    .map((v) => JSON.stringify(v)),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** All kinds of fuzzed documents. */
export const fuzzedDocument: fc.Arbitrary<string> = fc.oneof(
  textMutant,
  treeMutant,
  randomDocument,
);

/** Every decoder of the package, each run on each fuzzed document. */
export const decoders: readonly ((text: string) => unknown)[] = [
  codec.decodeResource,
  codec.decodeInput,
  codec.decodeEventBatch,
  codec.decodeError,
  oauth.decodeTokenResponse,
  oauth.decodeTokenError,
];

/** Runs every decoder; returns what any of them threw that is not a `UcwaDecodeError`. */
export function strayErrors(text: string): unknown[] {
  const stray: unknown[] = [];
  for (const decode of decoders) {
    try {
      decode(text);
    } catch (error) {
      if (!(error instanceof codec.UcwaDecodeError) || error.format !== 'json') stray.push(error);
    }
  }
  return stray;
}

/** Names on `Object.prototype`, to compare before and after a run. */
export function prototypeNames(): string {
  return Object.getOwnPropertyNames(Object.prototype).sort().join(',');
}
