// The transport as one bundled module (ky and the JSON codec inside), the way an
// application ships it. Benchmarks import this rather than src/: vitest's module runner
// turns every cross-module call into an export getter, which would measure the runner.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';

type Transport = typeof import('../src/index.ts');

const { outputFiles } = buildSync({
  entryPoints: [new URL('../src/index.ts', import.meta.url).pathname],
  bundle: true,
  format: 'esm',
  platform: 'node',
  conditions: ['@ucwa/source'],
  write: false,
});
const file = join(mkdtempSync(join(tmpdir(), 'transport-bench-')), 'transport.mjs');
writeFileSync(file, outputFiles[0]?.text ?? '');

export const transportModule: Transport = await import(/* @vite-ignore */ pathToFileURL(file).href);
