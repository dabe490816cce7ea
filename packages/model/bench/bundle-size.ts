// What @ucwa/model adds to a browser application: `node packages/model/bench/bundle-size.ts`
// (test/bundle-size.test.ts asserts it too). The README's first example imports
// `createTransport` (JSON only) and the model's reading helpers `findLink` and
// `listEmbedded`. Helpers that only read a resource must not pull in the generated catalog,
// so that example may weigh at most 2 KB gzipped more than `createTransport` alone, both
// bundled for the browser in this same run. Exits 1 over that, or when a generated catalog
// file ends up in the example's bundle.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BundleSize, measureBundle } from '../../../scripts/load-bundle.ts';

export const BUDGET = 2 * 1024;

const TRANSPORT = "export { createTransport } from './src/index.ts';";
const EXAMPLES = [
  ['createTransport + findLink', `${TRANSPORT}\nexport { findLink } from '@ucwa/model';`],
  [
    "the README's imports (createTransport, findLink, listEmbedded)",
    `${TRANSPORT}\nexport { findLink, listEmbedded } from '@ucwa/model';`,
  ],
] as const;

export interface AppBundles {
  readonly alone: BundleSize;
  readonly examples: readonly { readonly name: string; readonly bundle: BundleSize }[];
}

/** The generated catalog files found in a bundle (none may be there). */
export function catalogsIn(bundle: BundleSize): string[] {
  return [...bundle.inputs]
    .filter(([path, bytes]) => /generated\/(?:catalog|codec-catalog)\.ts$/.test(path) && bytes > 0)
    .map(([path]) => path);
}

/** `createTransport` alone and the examples, measured in one run. */
export function measureAppBundles(): AppBundles {
  // The transport's folder, where both `./src/index.ts` and `@ucwa/model` resolve.
  const resolveDir = fileURLToPath(new URL('../../transport', import.meta.url));
  return {
    alone: measureBundle({ contents: TRANSPORT, resolveDir }),
    examples: EXAMPLES.map(([name, contents]) => ({
      name,
      bundle: measureBundle({ contents, resolveDir }),
    })),
  };
}

function main(): void {
  const { alone, examples } = measureAppBundles();
  console.log(`createTransport alone: ${alone.minified} bytes minified, ${alone.gzipped} gzipped`);
  let failed = false;
  for (const { name, bundle } of examples) {
    const added = bundle.gzipped - alone.gzipped;
    const catalogs = catalogsIn(bundle);
    console.log(
      `${name}: ${bundle.minified} bytes minified, ${bundle.gzipped} gzipped, ` +
        `${added} over createTransport alone (budget ${BUDGET})`,
    );
    for (const path of catalogs) console.error(`  the catalog is in the bundle: ${path}`);
    failed ||= added > BUDGET || catalogs.length > 0;
  }
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
