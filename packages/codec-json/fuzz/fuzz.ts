// A long fuzz run of every decoder: `node packages/codec-json/fuzz/fuzz.ts [runs]`.
// Not part of the test suite (test/fuzz.test.ts runs 10,000 documents); run it after
// changing a decoder. Exits 1 on the first decoder that throws anything but a
// UcwaDecodeError or touches Object.prototype.
import fc from 'fast-check';
import { fuzzedDocument, prototypeNames, strayErrors } from './documents.ts';

const runs = Number(process.argv[2] ?? 200_000);
const before = prototypeNames();
const started = performance.now();

try {
  fc.assert(
    fc.property(fuzzedDocument, (text) => {
      const stray = strayErrors(text);
      if (stray.length > 0) throw stray[0];
      if (prototypeNames() !== before || ({} as { polluted?: unknown }).polluted !== undefined) {
        throw new Error('Object.prototype changed');
      }
    }),
    { numRuns: runs },
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
console.log(
  `${runs} fuzzed documents, ${Math.round(performance.now() - started)} ms, no stray errors`,
);
