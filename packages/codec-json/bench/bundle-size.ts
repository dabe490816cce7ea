// Gzipped size of the codec as a browser bundle: `node packages/codec-json/bench/bundle-size.ts`.
// Fails (exit 1) when the main entry is above 3.3 KB (3 KB until the decoder learned to
// complete links and embedded bags in place and took the shared checks of
// @ucwa/model/codec: about 300 bytes more); the `/oauth` entry is printed for
// information. The JSON codec needs no catalog, so no generated catalog of @ucwa/model may
// end up in the bundle (the generated event-type list may); a jump in size usually means
// one got pulled in.
import { fileURLToPath } from 'node:url';
import { measureBundle } from '../../../scripts/load-bundle.ts';

const LIMIT = 3380;
const resolveDir = fileURLToPath(new URL('..', import.meta.url));

const main = measureBundle({ contents: "export * from './src/index.ts';", resolveDir });
console.log(
  `@ucwa/codec-json: ${main.minified} bytes minified, ${main.gzipped} bytes gzipped (limit ${LIMIT})`,
);
const oauth = measureBundle({ contents: "export * from './src/oauth.ts';", resolveDir });
console.log(
  `@ucwa/codec-json/oauth: ${oauth.minified} bytes minified, ${oauth.gzipped} bytes gzipped`,
);
const catalogs = [...main.inputs].filter(
  ([path, bytes]) => /generated\/(?:catalog|codec-catalog|enums)\.ts$/.test(path) && bytes > 0,
);
for (const [path] of catalogs) console.error(`generated model code in the bundle: ${path}`);
if (main.gzipped > LIMIT) console.error(`over the limit by ${main.gzipped - LIMIT} bytes`);
process.exit(main.gzipped > LIMIT || catalogs.length > 0 ? 1 : 0);
