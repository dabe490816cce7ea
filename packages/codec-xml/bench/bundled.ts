import { fileURLToPath } from 'node:url';
import type { EventBatch, UnknownResource } from '@ucwa/model';
import type { X2jOptions } from 'fast-xml-parser';
import { loadBundle } from '../../../scripts/load-bundle.ts';

/** What the benchmarks need from the bundled package. */
export interface Bundled {
  readonly decodeResource: (text: string) => UnknownResource;
  readonly decodeEventBatch: (text: string) => EventBatch;
  readonly parserOptions: X2jOptions;
  readonly XMLParser: new (options: X2jOptions) => { parse(text: string): unknown };
}

/**
 * The package as a bundler ships it (see scripts/load-bundle.ts for why benchmarks use
 * it), with the baseline parser and the codec's pinned options from the same bundle.
 */
export function loadBundled(): Promise<Bundled> {
  return loadBundle<Bundled>({
    contents: [
      "export { decodeResource, decodeEventBatch } from './src/index.ts';",
      "export { parserOptions } from './src/parser.ts';",
      "export { XMLParser } from 'fast-xml-parser';",
    ].join('\n'),
    resolveDir: fileURLToPath(new URL('..', import.meta.url)),
    platform: 'neutral',
  });
}
