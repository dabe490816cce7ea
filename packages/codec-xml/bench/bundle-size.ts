// Bundle-size budget: node packages/codec-xml/bench/bundle-size.ts
// Bundles the package entry for browsers (minified ESM, fast-xml-parser included),
// gzips it and fails above 25 KB: the XML codec is opt-in, but whoever opts in pays this.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const LIMIT = 25 * 1024;

const result = await build({
  entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  conditions: ['@ucwa/source'],
  write: false,
  metafile: true,
  logLevel: 'warning',
});

const code = result.outputFiles[0]?.contents ?? new Uint8Array();
const gzipped = gzipSync(code, { level: 9 }).byteLength;
const inputs = Object.entries(result.metafile.outputs)[0]?.[1].inputs ?? {};
const byPackage = new Map<string, number>();
for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
  const dependency = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
  const name = dependency ?? (path.includes('packages/model') ? '@ucwa/model' : '@ucwa/codec-xml');
  byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
}
for (const [name, bytes] of [...byPackage].sort((a, b) => b[1] - a[1]))
  console.log(`  ${name}: ${bytes} bytes minified`);
console.log(
  `@ucwa/codec-xml browser bundle: ${code.byteLength} bytes minified, ${gzipped} bytes gzipped (limit ${LIMIT})`,
);
process.exit(gzipped > LIMIT ? 1 : 0);
