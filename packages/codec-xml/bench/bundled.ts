import { fileURLToPath } from 'node:url';
import type { EventBatch, UnknownResource } from '@ucwa/model';
import { build } from 'esbuild';
import type { X2jOptions } from 'fast-xml-parser';

/** What the benchmarks need from the bundled package. */
export interface Bundled {
  readonly decodeResource: (text: string) => UnknownResource;
  readonly decodeEventBatch: (text: string) => EventBatch;
  readonly parserOptions: X2jOptions;
  readonly XMLParser: new (options: X2jOptions) => { parse(text: string): unknown };
}

/**
 * The package as a bundler ships it: one esbuild bundle holding the codec and
 * fast-xml-parser, run as plain code. Under vitest every call across a module boundary
 * goes through the module runner's export getters, which taxes a codec split into small
 * files but not its bundled form; benchmarking the bundle measures what users run, and
 * the baseline parser comes from the same bundle.
 */
export async function loadBundled(): Promise<Bundled> {
  const result = await build({
    stdin: {
      contents: [
        "export { decodeResource, decodeEventBatch } from './src/index.ts';",
        "export { parserOptions } from './src/parser.ts';",
        "export { XMLParser } from 'fast-xml-parser';",
      ].join('\n'),
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
      loader: 'ts',
    },
    bundle: true,
    format: 'cjs',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['@ucwa/source'],
    write: false,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0]?.text ?? '';
  const module = { exports: {} as Bundled };
  new Function('module', 'exports', code)(module, module.exports);
  return module.exports;
}
