// The transport as one bundled module, ky and the JSON codec inside (see
// scripts/load-bundle.ts for why benchmarks use it).
import { fileURLToPath } from 'node:url';
import { loadBundle } from '../../../scripts/load-bundle.ts';

export const transportModule = await loadBundle<typeof import('../src/index.ts')>({
  contents: "export * from './src/index.ts';",
  resolveDir: fileURLToPath(new URL('..', import.meta.url)),
  platform: 'node',
});
