// The packages this repository publishes: every package under packages/ whose
// package.json is not private. New packages are covered as soon as they appear.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Deps = Readonly<Record<string, string>>;

export interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly exports?: unknown;
  readonly publishConfig?: { readonly exports?: unknown };
  readonly bin?: string | Readonly<Record<string, string>>;
  readonly types?: string;
  readonly dependencies?: Deps;
  readonly peerDependencies?: Deps;
  readonly devDependencies?: Deps;
}

export interface PublishedPackage {
  /** Folder name under packages/, e.g. `codec-json`. */
  readonly folder: string;
  /** Absolute folder. */
  readonly dir: string;
  readonly manifest: Manifest;
}

export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
}

/** Published packages under `root`/packages, sorted by folder name. */
export function publishedPackages(root: string): PublishedPackage[] {
  const base = join(root, 'packages');
  return readdirSync(base)
    .sort()
    .map((folder) => ({ folder, dir: join(base, folder) }))
    .filter(({ dir }) => existsSync(join(dir, 'package.json')))
    .map(({ folder, dir }) => ({ folder, dir, manifest: readManifest(dir) }))
    .filter(({ manifest }) => manifest.private !== true);
}

/** The subpaths a user can import (`.`, `./node`, ...), as the tarball declares them. */
export function importableSubpaths(manifest: Manifest): string[] {
  const exports = manifest.publishConfig?.exports ?? manifest.exports;
  if (exports === undefined || exports === null) return ['.'];
  if (typeof exports === 'string') return ['.'];
  const keys = Object.keys(exports);
  if (!keys.every((k) => k.startsWith('.'))) return ['.']; // conditions only
  return keys.filter((k) => !k.endsWith('.json') && !k.includes('*'));
}
