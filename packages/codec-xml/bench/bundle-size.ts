// Bundle-size budget: node packages/codec-xml/bench/bundle-size.ts (test/bundle-size.test.ts
// asserts it too). fast-xml-parser costs what it costs (its own dependencies included), so
// the budget is on what this package adds: the codec, the catalog data it reads and the
// model code it uses may weigh at most 8 KB gzipped over a bundle of fast-xml-parser
// alone, both bundled for the browser in this same run. Exits 1 over the budget.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BundleSize, measureBundle } from '../../../scripts/load-bundle.ts';

export const BUDGET = 8 * 1024;

/** fast-xml-parser alone and the codec's main entry, measured in one run. */
export function measureCodecXml(): { parserAlone: BundleSize; codec: BundleSize } {
  const resolveDir = fileURLToPath(new URL('..', import.meta.url));
  return {
    parserAlone: measureBundle({
      contents: "export { XMLParser } from 'fast-xml-parser';",
      resolveDir,
    }),
    codec: measureBundle({ contents: "export * from './src/index.ts';", resolveDir }),
  };
}

function main(): void {
  const { parserAlone, codec } = measureCodecXml();
  const byPackage = new Map<string, number>();
  for (const [path, bytes] of codec.inputs) {
    const dependency = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
    const name =
      dependency ?? (path.includes('packages/model') ? '@ucwa/model' : '@ucwa/codec-xml');
    byPackage.set(name, (byPackage.get(name) ?? 0) + bytes);
  }
  for (const [name, bytes] of [...byPackage].sort((a, b) => b[1] - a[1]))
    console.log(`  ${name}: ${bytes} bytes minified`);
  const added = codec.gzipped - parserAlone.gzipped;
  console.log(
    `fast-xml-parser alone: ${parserAlone.minified} bytes minified, ${parserAlone.gzipped} gzipped`,
  );
  console.log(
    `@ucwa/codec-xml: ${codec.minified} bytes minified, ${codec.gzipped} gzipped: ` +
      `${added} bytes gzipped over fast-xml-parser alone (budget ${BUDGET})`,
  );
  process.exit(added > BUDGET ? 1 : 0);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
