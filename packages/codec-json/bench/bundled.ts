// The codec as one bundled module (see scripts/load-bundle.ts for why benchmarks use it).
import { fileURLToPath } from 'node:url';
import { loadBundle } from '../../../scripts/load-bundle.ts';

export const codec = await loadBundle<typeof import('../src/index.ts')>({
  contents: "export * from './src/index.ts';",
  resolveDir: fileURLToPath(new URL('..', import.meta.url)),
  platform: 'neutral',
});
