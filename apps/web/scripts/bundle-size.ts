// `pnpm --filter @ucwa/web run size`: the production bundle of the app as a JSON-only
// user loads it (the XML codec is a separate chunk, fetched only when XML is chosen),
// with each package's share of the minified JavaScript.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Rollup } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const result = (await build({
  root,
  logLevel: 'silent',
  build: { write: false },
})) as Rollup.RollupOutput;

function owner(id: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/.exec(id)?.[1];
  if (pkg !== undefined) return pkg;
  const workspace = /\/(packages|apps)\/([^/]+)\//.exec(id);
  return workspace ? `@ucwa/${workspace[2]}` : 'bundler runtime';
}

const loadedAtStart = result.output.filter(
  (item): item is Rollup.OutputChunk =>
    item.type === 'chunk' && (item.isEntry || !item.isDynamicEntry),
);
const shares = new Map<string, number>();
let bytes = 0;
let gzip = 0;
for (const chunk of loadedAtStart) {
  bytes += Buffer.byteLength(chunk.code);
  gzip += gzipSync(chunk.code).length;
  for (const [id, info] of Object.entries(chunk.modules)) {
    shares.set(owner(id), (shares.get(owner(id)) ?? 0) + info.renderedLength);
  }
}
const rendered = [...shares.values()].reduce((a, b) => a + b, 0);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
console.log(
  `JSON-only bundle: ${kb(bytes)} minified, ${kb(gzip)} gzip, in ${loadedAtStart.length} chunk(s)`,
);
for (const [name, size] of [...shares].sort((a, b) => b[1] - a[1])) {
  console.log(`| ${name} | ${kb(size)} | ${((100 * size) / rendered).toFixed(1)} % |`);
}
for (const item of result.output) {
  if (item.type === 'chunk' && item.isDynamicEntry)
    console.log(`on demand: ${item.fileName} ${kb(Buffer.byteLength(item.code))}`);
}
