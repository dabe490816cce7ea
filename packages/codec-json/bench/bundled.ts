// The codec as one bundled module, the way an application ships it. Benchmarks import
// this rather than src/: vitest's module runner turns every cross-module call into an
// export getter (it warns about it), which would measure the runner, not the codec.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';

type Codec = typeof import('../src/index.ts');

const { outputFiles } = buildSync({
  entryPoints: [new URL('../src/index.ts', import.meta.url).pathname],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  conditions: ['@ucwa/source'],
  write: false,
});
const file = join(mkdtempSync(join(tmpdir(), 'codec-json-bench-')), 'codec.mjs');
writeFileSync(file, outputFiles[0]?.text ?? '');

export const codec: Codec = await import(/* @vite-ignore */ pathToFileURL(file).href);
