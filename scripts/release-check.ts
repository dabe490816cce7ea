// The release rehearsal, on a throwaway copy of the workspace (scripts/workspace-copy.ts):
//   1. `node scripts/release.ts --dry-run --json`: changeset version → build →
//      `pnpm publish -r --dry-run`. Each package must end at the version the pending
//      changesets call for (scripts/changeset-plan.ts), with a CHANGELOG.md entry when
//      bumped, and must pack exactly the files it should ship (scripts/tarball-rules.ts).
//   2. From that release, per published package: a change to its tests alone needs no
//      changeset, a change to its sources without one makes `changeset status` fail, a
//      changeset makes it pass, and a patch changeset then bumps that package and only
//      the dependents whose `^` range the new version leaves (none from 0.1.0 on; at
//      0.0.x, `^0.0.1` admits 0.0.1 alone).
//   3. A minor bump of the package most others depend on bumps it and every dependent.
import {
  appendFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { type Bump, parseChangeset, plannedVersions } from './changeset-plan.ts';
import { type PublishedPackage, publishedPackages, readManifest } from './published-packages.ts';
import { run } from './run.ts';
import { createTally } from './tally.ts';
import { tarballProblems } from './tarball-rules.ts';
import { copyWorkspace, gitIn, removeCopy } from './workspace-copy.ts';

const tally = createTally('release');

function changesetTexts(root: string): string[] {
  const dir = join(root, '.changeset');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

const pendingChangesets = (root: string): Map<string, Bump>[] =>
  changesetTexts(root).map(parseChangeset);

/** Per package, the first line of the summary of each pending changeset naming it. */
function pendingSummaries(root: string): Map<string, string[]> {
  const summaries = new Map<string, string[]>();
  for (const text of changesetTexts(root)) {
    const line =
      text
        .replace(/^---\n[\s\S]*?\n---\n/, '')
        .trim()
        .split('\n')[0] ?? '';
    for (const name of parseChangeset(text).keys())
      summaries.set(name, [...(summaries.get(name) ?? []), line]);
  }
  return summaries;
}

function changesetStatus(root: string): number {
  return run('pnpm', ['exec', 'changeset', 'status'], { cwd: root, ok: [0, 1] }).status;
}

/** Checks every published package's version and CHANGELOG against the plan. */
function checkVersions(
  before: readonly PublishedPackage[],
  planned: Map<string, string>,
  summaries: Map<string, string[]>,
): void {
  const problems: string[] = [];
  for (const pkg of before) {
    const name = pkg.manifest.name;
    const want = planned.get(name) ?? pkg.manifest.version;
    const got = readManifest(pkg.dir).version;
    if (got !== want)
      problems.push(
        `${name} is ${got}, expected ${want}${planned.has(name) ? '' : ' (unchanged)'}`,
      );
    if (!planned.has(name)) continue;
    const changelog = (() => {
      try {
        return readFileSync(join(pkg.dir, 'CHANGELOG.md'), 'utf8');
      } catch {
        return '';
      }
    })();
    if (!changelog.includes(`## ${want}\n`))
      problems.push(`${name}'s CHANGELOG.md has no "## ${want}" entry`);
    const entry = changelog.split(`## ${want}\n`)[1]?.split('\n## ')[0] ?? '';
    const own = summaries.get(name);
    for (const line of own ?? [])
      if (!entry.includes(line)) problems.push(`${name}'s ${want} entry lacks "${line}"`);
    if (own === undefined && !entry.includes('Updated dependencies'))
      problems.push(`${name}'s ${want} entry does not name the updated dependency`);
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
}

async function rehearseRelease(root: string): Promise<boolean> {
  const before = publishedPackages(root);
  const planned = plannedVersions(
    before.map((p) => p.manifest),
    pendingChangesets(root),
  );
  const summaries = pendingSummaries(root);
  await tally.check('release refuses a working tree with changes, before changing anything', () => {
    const stray = join(root, 'uncommitted.txt');
    writeFileSync(stray, 'not committed\n');
    const result = run(process.execPath, ['scripts/release.ts', '--dry-run'], {
      cwd: root,
      ok: [0, 1],
    });
    rmSync(stray);
    if (result.status !== 1 || !result.stderr.includes('clean checkout of main'))
      throw new Error(`release ran on a dirty tree (exit ${result.status}):\n${result.stderr}`);
    if (gitIn(root, ['status', '--porcelain']) !== '') throw new Error('release changed files');
  });
  let packed: { name: string; files: { path: string }[] }[] = [];
  const released = await tally.check(
    'pnpm run release --dry-run (changeset version, build, pnpm publish -r --dry-run)',
    () => {
      const { stdout } = run(process.execPath, ['scripts/release.ts', '--dry-run', '--json'], {
        cwd: root,
        timeout: 600_000,
      });
      packed = JSON.parse(stdout.slice(stdout.search(/^\[$/m))) as typeof packed;
    },
  );
  if (!released) return false;
  await tally.check(
    'the pending changesets bumped exactly the packages planned; each CHANGELOG entry has their summaries',
    () => {
      checkVersions(before, planned, summaries);
      if (pendingChangesets(root).length > 0)
        throw new Error('changeset version left changesets behind');
    },
  );
  for (const pkg of publishedPackages(root))
    await tally.check(
      `${pkg.manifest.name}: publish --dry-run packs exactly what it should ship`,
      () => {
        const entry = packed.find((p) => p.name === pkg.manifest.name);
        if (entry === undefined) throw new Error('pnpm publish -r --dry-run did not pack it');
        const problems = tarballProblems(
          pkg,
          entry.files.map((f) => f.path),
        );
        if (problems.length > 0) throw new Error(problems.join('\n'));
      },
    );
  gitIn(root, ['add', '-A']);
  gitIn(root, ['commit', '-q', '--no-verify', '-m', 'release rehearsal: version packages']);
  return true;
}

/** On a branch from main: change `pkg`, then check status and version with one changeset. */
async function rehearseChange(root: string, pkg: PublishedPackage, bump: Bump): Promise<void> {
  const name = pkg.manifest.name;
  const branch = `rehearse-${pkg.folder}-${bump}`;
  gitIn(root, ['checkout', '-q', '-b', branch, 'main']);
  try {
    const changeSource = (): void => {
      const file = readdirSync(join(pkg.dir, 'src'))
        .filter((f) => f.endsWith('.ts'))
        .sort()[0];
      appendFileSync(join(pkg.dir, 'src', file ?? 'index.ts'), '\n// a change for the rehearsal\n');
      gitIn(root, ['commit', '-q', '-a', '-m', `change ${name}`]);
    };
    if (bump === 'patch')
      await tally.check(
        `${name}: changeset status needs a changeset for src/, not for test/`,
        () => {
          mkdirSync(join(pkg.dir, 'test'), { recursive: true });
          writeFileSync(join(pkg.dir, 'test', 'rehearsal.txt'), 'a test-only change\n');
          gitIn(root, ['add', join(pkg.dir, 'test', 'rehearsal.txt')]);
          gitIn(root, ['commit', '-q', '-m', `test change in ${name}`]);
          if (changesetStatus(root) !== 0) throw new Error('status failed on a test-only change');
          changeSource();
          if (changesetStatus(root) === 0) throw new Error('status passed without a changeset');
          writeChangeset(root, pkg, bump);
          if (changesetStatus(root) !== 0) throw new Error('status failed with a changeset');
        },
      );
    else {
      changeSource();
      writeChangeset(root, pkg, bump);
    }
    const before = publishedPackages(root);
    const planned = plannedVersions(
      before.map((p) => p.manifest),
      pendingChangesets(root),
    );
    const summaries = pendingSummaries(root);
    const others = [...planned.keys()].filter((n) => n !== name);
    await tally.check(
      `${name}: a ${bump} changeset bumps ${others.length === 0 ? 'it alone' : `it and ${others.join(', ')}`}`,
      () => {
        run('pnpm', ['exec', 'changeset', 'version'], { cwd: root });
        checkVersions(before, planned, summaries);
      },
    );
  } finally {
    gitIn(root, ['add', '-A']);
    gitIn(root, ['commit', '-q', '--no-verify', '--allow-empty', '-m', 'rehearsal version']);
    gitIn(root, ['checkout', '-q', 'main']);
  }
}

function writeChangeset(root: string, pkg: PublishedPackage, bump: Bump): void {
  const file = join(root, '.changeset', `rehearsal-${pkg.folder}.md`);
  writeFileSync(
    file,
    `---\n"${pkg.manifest.name}": ${bump}\n---\n\nRehearsal: a ${bump} change of ${pkg.manifest.name}.\n`,
  );
  gitIn(root, ['add', file]);
  gitIn(root, ['commit', '-q', '-m', `changeset for ${pkg.manifest.name}`]);
}

/** The published package the most others depend on (directly or not). */
function mostDependedOn(packages: readonly PublishedPackage[]): PublishedPackage | undefined {
  const reach = (pkg: PublishedPackage): number =>
    plannedVersions(
      packages.map((p) => p.manifest),
      [new Map([[pkg.manifest.name, 'minor' as Bump]])],
    ).size;
  return [...packages].sort((a, b) => reach(b) - reach(a) || a.folder.localeCompare(b.folder))[0];
}

async function main(): Promise<number> {
  let root: string | undefined;
  const made = await tally.check('a throwaway copy of the workspace, installed offline', () => {
    root = copyWorkspace('ucwa-release-');
  });
  if (!made || root === undefined) return tally.finish();
  try {
    if (!(await rehearseRelease(root))) return tally.finish();
    const packages = publishedPackages(root);
    for (const pkg of packages) await rehearseChange(root, pkg, 'patch');
    const root0 = mostDependedOn(packages);
    if (root0 !== undefined) await rehearseChange(root, root0, 'minor');
    return tally.finish();
  } finally {
    removeCopy(root);
  }
}

process.exitCode = await main();
