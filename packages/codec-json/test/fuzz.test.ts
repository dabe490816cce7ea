import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzedDocument, prototypeNames, strayErrors } from '../fuzz/documents.ts';

// A quick run for every test pass; `node packages/codec-json/fuzz/fuzz.ts [runs]` runs longer.
describe('fuzzed documents', () => {
  it('make the decoders throw only UcwaDecodeError and leave Object.prototype alone', () => {
    const before = prototypeNames();
    let runs = 0;
    fc.assert(
      fc.property(fuzzedDocument, (text) => {
        runs++;
        expect(strayErrors(text)).toEqual([]);
      }),
      { numRuns: 10_000 },
    );
    expect(runs).toBe(10_000);
    expect(prototypeNames()).toBe(before);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  }, 60_000);
});
