// The transport as one bundled module, ky and the JSON codec inside (see
// scripts/load-bundle.ts for why benchmarks use it). The same bundle exports ky, so "ky
// alone" runs the very code the transport runs, loaded the same way.
import { fileURLToPath } from 'node:url';
import { loadBundle } from '../../../scripts/load-bundle.ts';

export type BundledModule = typeof import('../src/index.ts') & {
  readonly ky: typeof import('ky').default;
};

export const transportModule = await loadBundle<BundledModule>({
  contents: "export * from './src/index.ts'; export { default as ky } from 'ky';",
  resolveDir: fileURLToPath(new URL('..', import.meta.url)),
  platform: 'node',
});
