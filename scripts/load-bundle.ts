// Loads a package the way an application ships it: one esbuild bundle, imported as plain
// code. Benchmarks use it rather than importing src/: vitest's module runner turns every
// call across a module boundary into an export getter, which taxes code split into small
// files and would measure the runner, not the package.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';

export interface BundleOptions {
  /** The bundle's entry module, e.g. `export * from './src/index.ts';`. */
  readonly contents: string;
  /** Where the entry's relative imports resolve from (the package folder). */
  readonly resolveDir: string;
  /** `neutral` for code that must not lean on Node, `node` otherwise. */
  readonly platform: 'neutral' | 'node';
}

/** Bundles `contents` (workspace packages from source) and imports the result. */
export async function loadBundle<T>(options: BundleOptions): Promise<T> {
  const { outputFiles } = buildSync({
    stdin: { contents: options.contents, resolveDir: options.resolveDir, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: options.platform,
    mainFields: ['module', 'main'],
    conditions: ['@ucwa/source'],
    write: false,
    logLevel: 'warning',
  });
  const dir = mkdtempSync(join(tmpdir(), 'ucwa-bench-'));
  try {
    const file = join(dir, 'bundle.mjs');
    writeFileSync(file, outputFiles[0]?.text ?? '');
    return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The size of one browser bundle, and what each input contributed to it (minified). */
export interface BundleSize {
  readonly minified: number;
  readonly gzipped: number;
  /** Minified bytes by input path, as esbuild's metafile reports them. */
  readonly inputs: ReadonlyMap<string, number>;
}

/**
 * Bundles `contents` as a browser application would ship it (minified ESM, workspace
 * packages from source, tree-shaken) and measures it gzipped at level 9. The bundle-size
 * benchmarks compare such measurements taken in the same run.
 */
export function measureBundle(options: Omit<BundleOptions, 'platform'>): BundleSize {
  const { outputFiles, metafile } = buildSync({
    stdin: { contents: options.contents, resolveDir: options.resolveDir, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['@ucwa/source'],
    write: false,
    metafile: true,
    logLevel: 'warning',
  });
  const code = outputFiles[0]?.contents ?? new Uint8Array();
  const output = Object.values(metafile.outputs)[0];
  const inputs = new Map(
    Object.entries(output?.inputs ?? {}).map(([path, { bytesInOutput }]) => [path, bytesInOutput]),
  );
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength, inputs };
}
