// The oldest Node.js the packages support (the root package.json's `engines.node`, e.g.
// `>=22.12` → 22.12.0), brought from the npm registry's `node-linux-<arch>` package into
// the toolchain cache that scripts/dev.sh uses, when it is not there yet. The consumer
// check runs its programs on it as well as on the current Node, so that the README's
// "Node ≥ 22.12" (require() of ES modules included) is tested, not assumed.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { run } from './run.ts';
import { repoRoot } from './workspace-copy.ts';

/** `>=22.12` → `22.12.0`. */
export function minimumVersion(range: string): string {
  const match = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  if (match === null) throw new Error(`engines.node "${range}" is not of the form >=X.Y.Z`);
  return `${match[1]}.${match[2] ?? 0}.${match[3] ?? 0}`;
}

/** The path of the oldest supported `node` binary, installed first when missing. */
export function minimumNode(): { version: string; node: string } {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    engines?: { node?: string };
  };
  const version = minimumVersion(manifest.engines?.node ?? '');
  const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
  // scripts/dev.sh's cache folder (UCWA_TOOLCHAIN_DIR, else XDG_CACHE_HOME or ~/.cache).
  const { UCWA_TOOLCHAIN_DIR: toolchain, XDG_CACHE_HOME: xdg } = process.env;
  const cache = toolchain ?? join(xdg ?? join(homedir(), '.cache'), 'ucwa-toolchain');
  const dir = join(cache, `node${version}-${arch}`);
  const node = join(dir, 'node_modules', `node-linux-${arch}`, 'bin', 'node');
  if (!existsSync(node)) {
    mkdirSync(dir, { recursive: true });
    const spec = `node-linux-${arch}@${version}`;
    run('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error', spec], {
      cwd: dir,
      timeout: 300_000,
    });
  }
  const actual = run(node, ['--version'], { cwd: dir }).stdout.trim();
  if (actual !== `v${version}`) throw new Error(`${node} is ${actual}, not v${version}`);
  return { version, node };
}
