import { expect, test } from 'vitest';
import { catalogsIn, LIMIT, measureCodecJson } from '../bench/bundle-size.ts';

// Sizes are deterministic (esbuild, gzip 9), so the budget is a test.
test('the browser bundle stays within 3.3 KB gzipped and holds no catalog', () => {
  const { main } = measureCodecJson();
  expect(catalogsIn(main)).toEqual([]);
  expect(main.gzipped).toBeLessThanOrEqual(LIMIT);
});
