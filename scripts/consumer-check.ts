// The consumer check: the published packages as another team receives them. In a
// throwaway copy of the workspace it builds and packs every published package with
// `pnpm pack` (so publishConfig applies), installs the tarballs with npm into a new
// project under the temporary directory (a CommonJS package.json, as `npm init` writes),
// compiles strict `nodenext` TypeScript programs against them with the workspace's tsc
// and runs them with the current Node and with the oldest one `engines.node` admits
// (scripts/minimum-node.ts):
//   - per package, an ES module importing every subpath it exports (its .d.ts checked
//     with skipLibCheck off, its runtime dependencies declared, its modules loadable);
//   - a CommonJS program that `require`s every package, and one that uses `import()`;
//   - the README's quick start (apps/sample/src/quick-start.ts) against the
//     `ucwa-emulator` command the emulator's tarball installs.
// Each program on each Node is one test of the run's totals.
import { type ChildProcess, spawn } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consumerPrograms, type Program } from './consumer-programs.ts';
import { minimumNode } from './minimum-node.ts';
import {
  importableSubpaths,
  type PublishedPackage,
  publishedPackages,
} from './published-packages.ts';
import { run } from './run.ts';
import { createTally } from './tally.ts';
import { copyWorkspace, removeCopy } from './workspace-copy.ts';

const tally = createTally('consumer');
const cleanup: string[] = [];

/** The version of `dep` installed for the workspace folder `dir`. */
function installedVersion(dir: string, dep: string): string {
  const file = join(dir, 'node_modules', dep, 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/**
 * The consumer's package.json, CommonJS as `npm init` writes it: the tarballs, the optional
 * peers (installed as a user of that subpath would, e.g. undici), and third-party
 * dependencies pinned by `overrides` to the versions the workspace tested, so that a
 * missing `dependencies` entry still fails (an override installs nothing by itself).
 */
function consumerManifest(
  copy: string,
  packages: readonly PublishedPackage[],
  tarballs: Map<string, string>,
): object {
  const dependencies: Record<string, string> = {};
  const overrides: Record<string, string> = {};
  for (const pkg of packages) {
    const name = pkg.manifest.name;
    dependencies[name] = `file:${tarballs.get(name)}`;
    overrides[name] = `$${name}`;
    const { dependencies: deps = {}, peerDependencies: peers = {} } = pkg.manifest;
    for (const dep of Object.keys(deps))
      if (!tarballs.has(dep)) overrides[dep] = installedVersion(pkg.dir, dep);
    for (const dep of Object.keys(peers))
      if (!tarballs.has(dep)) dependencies[dep] = installedVersion(pkg.dir, dep);
  }
  return {
    name: 'ucwa-consumer',
    version: '1.0.0',
    private: true,
    type: 'commonjs',
    dependencies,
    devDependencies: { '@types/node': installedVersion(copy, '@types/node') },
    overrides,
  };
}

// No `lib`: TypeScript's default for the target (with DOM), as `tsc --init` leaves it.
const tsconfig = {
  compilerOptions: {
    target: 'es2024',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    types: ['node'],
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    skipLibCheck: false,
  },
  include: ['esm', 'cjs'],
};

const newTemp = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanup.push(dir);
  return dir;
};
const writeJson = (file: string, value: unknown): void =>
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

/** `pnpm pack` of every package (publishConfig applied) → tarball path by package name. */
function packAll(packages: readonly PublishedPackage[]): Map<string, string> {
  const tgz = newTemp('ucwa-consumer-tgz-');
  const tarballs = new Map<string, string>();
  for (const pkg of packages) {
    const before = new Set(readdirSync(tgz));
    run('pnpm', ['pack', '--pack-destination', tgz], { cwd: pkg.dir });
    const file = readdirSync(tgz).find((f) => !before.has(f) && f.endsWith('.tgz'));
    if (file === undefined) throw new Error(`pnpm pack wrote no tarball for ${pkg.manifest.name}`);
    tarballs.set(pkg.manifest.name, join(tgz, file));
  }
  return tarballs;
}

/** Builds and packs the packages in a copy, then installs them into a new npm project. */
function setUp(): { consumer: string; packages: PublishedPackage[]; tsc: string } {
  const copy = copyWorkspace('ucwa-consumer-src-');
  cleanup.push(copy);
  const build = [
    'exec',
    'turbo',
    'run',
    'build',
    '--filter=./packages/*',
    '--output-logs=errors-only',
  ];
  run('pnpm', build, { cwd: copy });
  const packages = publishedPackages(copy);
  const tarballs = packAll(packages);
  const consumer = newTemp('ucwa-consumer-');
  writeJson(join(consumer, 'package.json'), consumerManifest(copy, packages, tarballs));
  writeJson(join(consumer, 'tsconfig.json'), tsconfig);
  mkdirSync(join(consumer, 'esm'));
  mkdirSync(join(consumer, 'cjs'));
  writeJson(join(consumer, 'esm/package.json'), { type: 'module' });
  const npm = ['install', '--no-audit', '--no-fund', '--loglevel=error', '--prefer-offline'];
  run('npm', npm, { cwd: consumer, timeout: 300_000 });
  copyFileSync(join(copy, 'apps/sample/src/quick-start.ts'), join(consumer, 'esm/quick-start.ts'));
  return { consumer, packages, tsc: join(copy, 'node_modules/.bin/tsc') };
}

/** Compiles every program once; diagnostics are attributed to the programs they concern. */
function compile(consumer: string, tsc: string): string[] {
  const result = run(tsc, ['-p', '.', '--pretty', 'false'], { cwd: consumer, ok: [0, 1, 2] });
  return `${result.stdout}\n${result.stderr}`.split('\n').filter((l) => l.includes('error TS'));
}

function concerns(diagnostic: string, program: Program): boolean {
  const file = diagnostic.slice(0, diagnostic.indexOf('('));
  if (file === program.file) return true;
  const pkg = /node_modules\/(@ucwa\/[^/]+)\//.exec(file)?.[1];
  if (pkg !== undefined) return program.imports.includes(pkg);
  return !/^(esm|cjs)\//.test(file); // anything else (a third-party .d.ts) concerns all
}

/** Starts the `ucwa-emulator` command of the installed tarball; resolves with its URL. */
function startEmulator(
  consumer: string,
  node: string,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(node, [join(consumer, 'node_modules/.bin/ucwa-emulator'), '--port', '0'], {
    cwd: consumer,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Never leave the server running, even when this script is stopped half-way.
  process.once('exit', () => child.kill('SIGTERM'));
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`ucwa-emulator printed no URL: ${seen}`)),
      30_000,
    );
    child.once('exit', (code) => reject(new Error(`ucwa-emulator exited with ${code}: ${seen}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const url = /listening on (http:\/\/[^\s;,]+)/.exec(seen)?.[1];
      if (url === undefined) return;
      clearTimeout(timer);
      resolve({ url, child });
    });
  });
}

async function runProgram(
  consumer: string,
  program: Program,
  diagnostics: string[],
  node: string,
): Promise<void> {
  const mine = diagnostics.filter((d) => concerns(d, program));
  if (mine.length > 0) throw new Error(`tsc:\n${mine.join('\n')}`);
  const js = program.file.replace(/\.ts$/, '.js');
  let emulator: { url: string; child: ChildProcess } | undefined;
  if (program.needsEmulator) emulator = await startEmulator(consumer, node);
  try {
    const env = { ...process.env, UCWA_ORIGIN: emulator?.url ?? '', UCWA_PASSWORD: 'demo' };
    const { stdout } = run(node, [js], { cwd: consumer, env, timeout: 60_000 });
    const missing = program.expect.filter((pattern) => !pattern.test(stdout));
    if (missing.length > 0)
      throw new Error(`output does not match ${missing.join(', ')}:\n${stdout}`);
  } finally {
    emulator?.child.kill('SIGTERM');
  }
}

async function main(): Promise<number> {
  let setup: ReturnType<typeof setUp> | undefined;
  await tally.check('build, pack and npm install the published packages', () => {
    setup = setUp();
  });
  try {
    if (setup === undefined) {
      tally.skip('programs', 'setup failed');
      return tally.finish();
    }
    const { consumer, packages, tsc } = setup;
    const programs = consumerPrograms(
      packages.map((p) => ({
        name: p.manifest.name,
        folder: p.folder,
        subpaths: importableSubpaths(p.manifest),
      })),
    );
    for (const program of programs)
      if (program.source !== undefined) writeFileSync(join(consumer, program.file), program.source);
    const diagnostics = compile(consumer, tsc);
    let oldest: { version: string; node: string } | undefined;
    await tally.check('the oldest supported Node (engines.node) from the npm registry', () => {
      oldest = minimumNode();
    });
    for (const program of programs) {
      await tally.check(`${program.title} [Node ${process.versions.node}]`, () =>
        runProgram(consumer, program, diagnostics, process.execPath),
      );
      const title = `${program.title} [Node ${oldest?.version ?? 'oldest supported'}]`;
      const node = oldest?.node;
      if (node === undefined) tally.skip(title, 'that Node could not be installed');
      else await tally.check(title, () => runProgram(consumer, program, diagnostics, node));
    }
    return tally.finish();
  } finally {
    for (const dir of cleanup.reverse()) removeCopy(dir);
  }
}

process.exitCode = await main();
