// Profiles one contender's GET path (the transport by default):
//   node --conditions=@ucwa/source --cpu-prof --cpu-prof-dir=/tmp/prof \
//     packages/transport/bench/profile-get.ts [transport|kyAlone|bare]
//   node packages/transport/bench/summarize-profile.ts /tmp/prof/*.cpuprofile
// The transport is bundled to a file next to the profile, so the summary can tell which
// module (transport, ky, codec, Node) each sampled function belongs to.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import type { BundledModule } from './bundled.ts';
import { type Contenders, contenders } from './contenders.ts';
import { startBenchServer } from './server.ts';

const which = (process.argv[2] ?? 'transport') as keyof Contenders;
const dir = join(tmpdir(), 'ucwa-profile');
mkdirSync(dir, { recursive: true });
const bundle = join(dir, 'transport.mjs');
buildSync({
  stdin: {
    contents: "export * from './src/index.ts'; export { default as ky } from 'ky';",
    resolveDir: fileURLToPath(new URL('..', import.meta.url)),
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  conditions: ['@ucwa/source'],
  outfile: bundle,
  logLevel: 'warning',
});
const bundled = (await import(pathToFileURL(bundle).href)) as BundledModule;
const server = await startBenchServer();
const run = contenders(server.origin, bundled)[which];
for (let i = 0; i < 50; i++) await run();
const start = performance.now();
let batches = 0;
while (performance.now() - start < 8_000) {
  await run();
  batches++;
}
console.log(`${which}: ${((batches * 50) / 8).toFixed(0)} GET/s; bundle ${bundle}`);
await server.close();
