import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compare, formatPairs } from './support/compare-formats.ts';

/**
 * Cross-codec conformance (docs/codec-contract.md): for every operation with both a
 * usable JSON and a usable XML response example, the models `@ucwa/codec-json` and this
 * codec decode are equal after `normalize` (test/support/normalize.ts) applies the
 * documented differences. Pairs that still differ are listed, each with its reason, in
 * fixtures/json-xml-differences.json; the list may only shrink.
 */
interface KnownDifference {
  readonly resource: string;
  readonly method: string;
  readonly reason: string;
}

const known = JSON.parse(
  readFileSync(new URL('./fixtures/json-xml-differences.json', import.meta.url), 'utf8'),
) as KnownDifference[];
const pairs = formatPairs();
const key = (p: { resource: string; method: string }) => `${p.resource} ${p.method}`;
const knownKeys = new Set(known.map(key));

describe('JSON and XML examples decode to the same model', () => {
  test('pairs compared, as measured', () => {
    expect(pairs).toHaveLength(148);
    expect(known).toHaveLength(51);
  });

  test('every listed difference has a specific reason and names a real pair', () => {
    const pairKeys = new Set(pairs.map(key));
    for (const entry of known) {
      expect(pairKeys.has(key(entry)), key(entry)).toBe(true);
      expect(entry.reason.length, key(entry)).toBeGreaterThan(30);
    }
    expect(knownKeys.size).toBe(known.length);
  });

  test('the unequal pairs are exactly the listed ones', () => {
    const unequal = pairs.filter((pair) => compare(pair).length > 0).map(key);
    // An entry that became equal fails here until it is removed from the list.
    expect(unequal.sort()).toEqual([...knownKeys].sort());
  });

  test.each(pairs.filter((p) => !knownKeys.has(key(p))).map((p) => [key(p), p] as const))(
    '%s',
    (_name, pair) => {
      expect(compare(pair)).toEqual([]);
    },
  );
});
