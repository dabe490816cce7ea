// Gzipped size of the codec as a browser bundle: `node packages/codec-json/bench/bundle-size.ts`
// (test/bundle-size.test.ts asserts it too). Fails (exit 1) when the main entry is above
// 3.3 KB (3 KB until the decoder learned to complete links and embedded bags in place and
// took the shared checks of @ucwa/model/codec: about 300 bytes more); the `/oauth` entry
// is printed for information. The JSON codec needs no catalog, so no generated catalog of
// @ucwa/model may end up in the bundle (the generated event-type list may); a jump in size
// usually means one got pulled in.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BundleSize, measureBundle } from '../../../scripts/load-bundle.ts';

export const LIMIT = 3380;

/** The main entry and the `/oauth` entry, bundled for the browser. */
export function measureCodecJson(): { main: BundleSize; oauth: BundleSize } {
  const resolveDir = fileURLToPath(new URL('..', import.meta.url));
  return {
    main: measureBundle({ contents: "export * from './src/index.ts';", resolveDir }),
    oauth: measureBundle({ contents: "export * from './src/oauth.ts';", resolveDir }),
  };
}

/** The generated catalog files found in a bundle (none may be there). */
export function catalogsIn(bundle: BundleSize): string[] {
  return [...bundle.inputs]
    .filter(
      ([path, bytes]) => /generated\/(?:catalog|codec-catalog|enums)\.ts$/.test(path) && bytes > 0,
    )
    .map(([path]) => path);
}

function main(): void {
  const { main: entry, oauth } = measureCodecJson();
  console.log(
    `@ucwa/codec-json: ${entry.minified} bytes minified, ${entry.gzipped} bytes gzipped (limit ${LIMIT})`,
  );
  console.log(
    `@ucwa/codec-json/oauth: ${oauth.minified} bytes minified, ${oauth.gzipped} bytes gzipped`,
  );
  const catalogs = catalogsIn(entry);
  for (const path of catalogs) console.error(`generated model code in the bundle: ${path}`);
  if (entry.gzipped > LIMIT) console.error(`over the limit by ${entry.gzipped - LIMIT} bytes`);
  process.exit(entry.gzipped > LIMIT || catalogs.length > 0 ? 1 : 0);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
