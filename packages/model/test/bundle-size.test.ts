import { expect, test } from 'vitest';
import { BUDGET, catalogsIn, measureAppBundles } from '../bench/bundle-size.ts';

// The README's first example in a browser bundle: the model's reading helpers add no
// catalog and at most 2 KB gzipped to `createTransport` alone (sizes are deterministic).
test("the README example's bundle stays within 2 KB of createTransport alone", () => {
  const { alone, examples } = measureAppBundles();
  expect(catalogsIn(alone)).toEqual([]);
  for (const { name, bundle } of examples) {
    expect(catalogsIn(bundle), name).toEqual([]);
    expect(bundle.gzipped - alone.gzipped, name).toBeLessThanOrEqual(BUDGET);
  }
});
