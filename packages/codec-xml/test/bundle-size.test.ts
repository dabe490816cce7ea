import { expect, test } from 'vitest';
import { BUDGET, measureCodecXml } from '../bench/bundle-size.ts';

// Sizes are deterministic (esbuild, gzip 9), so the budget is a test: the codec, with the
// catalog data it reads, adds at most 8 KB gzipped to fast-xml-parser alone.
test('codec-xml adds at most 8 KB gzipped to fast-xml-parser alone', () => {
  const { parserAlone, codec } = measureCodecXml();
  expect(parserAlone.gzipped).toBeGreaterThan(10_000);
  expect(codec.gzipped - parserAlone.gzipped).toBeLessThanOrEqual(BUDGET);
});
