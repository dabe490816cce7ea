// The release: `changeset version` (bumps the packages the pending changesets name, and
// their dependents whose range the new version leaves, and writes their CHANGELOG.md),
// then the build, then `pnpm publish -r` (publishConfig applied, `workspace:` ranges made
// real; packages whose version is already on the registry are skipped), then a git tag
// per published version (`changeset tag`).
//
//   pnpm run release              on a clean checkout of main
//   pnpm run release --dry-run    everything but the upload and the tags
//
// Other arguments go to `pnpm publish` (e.g. `--json`, `--otp 123456`). The progress of
// the first steps goes to stderr, so stdout holds only what `pnpm publish` prints.
// Afterwards commit the version changes and push them with the tags.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');

function step(cmd: string, cmdArgs: readonly string[], toStdout = false): string {
  const result = spawnSync(cmd, cmdArgs, {
    cwd: root,
    stdio: ['ignore', toStdout ? 'inherit' : 2, 2],
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    console.error(
      `release: ${cmd} ${cmdArgs.join(' ')} failed (${result.status ?? result.signal})`,
    );
    process.exit(1);
  }
  return result.stdout ?? '';
}

function git(gitArgs: readonly string[]): string {
  const result = spawnSync('git', gitArgs, { cwd: root, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : '';
}

// pnpm publish's own git checks cannot pass after `changeset version` has changed files,
// so they are made here, before anything changes.
const branch = git(['rev-parse', '--abbrev-ref', 'HEAD']);
if (branch !== 'main' || git(['status', '--porcelain']) !== '') {
  console.error(`release: run it on a clean checkout of main (branch: ${branch || 'none'})`);
  process.exit(1);
}

step('pnpm', ['exec', 'changeset', 'version']);
step('pnpm', ['run', 'build']);
step('pnpm', ['publish', '-r', '--access', 'public', '--no-git-checks', ...args], true);
if (!dryRun) step('pnpm', ['exec', 'changeset', 'tag']);
