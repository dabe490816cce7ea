import { describe, expect, test } from 'vitest';
import { formatRatio, interleavedRatio } from '../../../scripts/interleaved.ts';
import { loadBundled } from './bundled.ts';
import { applicationXml, eventBatchXml, myContactsXml } from './fixtures.ts';

// Goal: each decoder costs under 1.2x fast-xml-parser alone with the very options the
// codec pins (the difference is the size and markup checks plus the model walk). Both
// run from one esbuild bundle of the package (see bundled.ts for why). vitest's table
// times one contender after the other, which on a busy 2-core machine reads anywhere
// from 0.9x to 2x for the same pair, so the asserted figure is the median of per-round
// ratios over interleaved rounds (scripts/interleaved.ts); BENCHMARKS.md has the figures.
const TARGET = 1.2;

const { decodeEventBatch, decodeResource, parserOptions, XMLParser } = await loadBundled();
const bare = new XMLParser(parserOptions);

const cases = [
  ['application resource', applicationXml, decodeResource],
  ['20-event batch', eventBatchXml(20), decodeEventBatch],
  ['50-contact myContacts', myContactsXml(50), decodeResource],
] as const;

describe('decode vs bare fast-xml-parser', () => {
  test.each(cases)('%s', (name, text, decode) => {
    const ratio = interleavedRatio(
      () => bare.parse(text),
      () => decode(text),
      // About 5 ms per timing (fast-xml-parser reads some 20 bytes a microsecond), 41 rounds.
      { rounds: 41, calls: Math.max(3, Math.round(100_000 / text.length)) },
    );
    console.log(
      `decode ${name}: ${formatRatio(ratio)} of fast-xml-parser alone (median of 41 interleaved rounds)`,
    );
    expect(ratio.median).toBeLessThan(TARGET);
  });
});
