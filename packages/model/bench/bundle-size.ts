// What @ucwa/model adds to a browser application: `node packages/model/bench/bundle-size.ts`.
// The README's first example imports `createTransport` (JSON only) and the model's
// reading helpers `findLink` and `listEmbedded`. Helpers that only read a resource must not
// pull in the generated catalog, so that example may weigh at most 2 KB gzipped more than
// `createTransport` alone, both bundled for the browser in this same run. Exits 1 over
// that, or when a generated catalog file ends up in the example's bundle.
import { fileURLToPath } from 'node:url';
import { measureBundle } from '../../../scripts/load-bundle.ts';

const BUDGET = 2 * 1024;
// The transport's folder, where both `./src/index.ts` and `@ucwa/model` resolve.
const resolveDir = fileURLToPath(new URL('../../transport', import.meta.url));
const transport = "export { createTransport } from './src/index.ts';";

const alone = measureBundle({ contents: transport, resolveDir });
const examples = [
  ['createTransport + findLink', `${transport}\nexport { findLink } from '@ucwa/model';`],
  [
    "the README's imports (createTransport, findLink, listEmbedded)",
    `${transport}\nexport { findLink, listEmbedded } from '@ucwa/model';`,
  ],
] as const;

console.log(`createTransport alone: ${alone.minified} bytes minified, ${alone.gzipped} gzipped`);
let failed = false;
for (const [name, contents] of examples) {
  const bundle = measureBundle({ contents, resolveDir });
  const added = bundle.gzipped - alone.gzipped;
  const catalogs = [...bundle.inputs].filter(
    ([path, bytes]) => /generated\/(?:catalog|codec-catalog)\.ts$/.test(path) && bytes > 0,
  );
  console.log(
    `${name}: ${bundle.minified} bytes minified, ${bundle.gzipped} gzipped, ` +
      `${added} over createTransport alone (budget ${BUDGET})`,
  );
  for (const [path] of catalogs) console.error(`  the catalog is in the bundle: ${path}`);
  failed ||= added > BUDGET || catalogs.length > 0;
}
process.exit(failed ? 1 : 0);
