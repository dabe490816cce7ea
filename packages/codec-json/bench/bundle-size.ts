// Gzipped size of the codec as a browser bundle: `node packages/codec-json/bench/bundle-size.ts`.
// Fails (exit 1) when the main entry is above 3 KB; the `/oauth` entry is printed for
// information. The JSON codec needs no catalog, so the generated catalogs of @ucwa/model
// must tree-shake away; a jump in size usually means one got pulled in.
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';

const LIMIT = 3072;

/** Minified and gzipped bytes of one entry bundled for the browser. */
function measure(entry: string): { minified: number; gzipped: number } {
  const { outputFiles } = buildSync({
    entryPoints: [new URL(`../src/${entry}`, import.meta.url).pathname],
    bundle: true,
    conditions: ['@ucwa/source'],
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
  });
  const code = outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

const main = measure('index.ts');
console.log(
  `@ucwa/codec-json: ${main.minified} bytes minified, ${main.gzipped} bytes gzipped (limit ${LIMIT})`,
);
const oauth = measure('oauth.ts');
console.log(
  `@ucwa/codec-json/oauth: ${oauth.minified} bytes minified, ${oauth.gzipped} bytes gzipped`,
);
if (main.gzipped > LIMIT) {
  console.error(`over the limit by ${main.gzipped - LIMIT} bytes`);
  process.exit(1);
}
