// A throwaway copy of the workspace for the consumer and release checks: the files of the
// working tree (tracked, and untracked but not ignored: what `make test` checks) copied to
// a new folder under the system's temporary directory, made a git repository on `main`
// with one commit, and installed offline from the pnpm store the workspace was just
// installed from. Nothing the checks do there can touch the workspace or its git history.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { run } from './run.ts';

export const repoRoot = resolve(import.meta.dirname, '..');

/** Git identity for commits made inside a copy (never in the workspace). */
export const copyGitEnv: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'ucwa check',
  GIT_AUTHOR_EMAIL: 'check@ucwa.invalid',
  GIT_COMMITTER_NAME: 'ucwa check',
  GIT_COMMITTER_EMAIL: 'check@ucwa.invalid',
};

/** Throws unless `dir` is a folder under the temporary directory, outside the workspace. */
export function assertThrowaway(dir: string): void {
  const tmp = resolve(tmpdir()) + sep;
  const inside = !relative(repoRoot, dir).startsWith('..');
  if (!resolve(dir).startsWith(tmp) || inside) throw new Error(`${dir} is not a throwaway folder`);
}

/** Runs git in a throwaway copy only. */
export function gitIn(dir: string, args: readonly string[]): string {
  assertThrowaway(dir);
  return run('git', args, { cwd: dir, env: copyGitEnv }).stdout;
}

/** Copies the working tree into a new temporary git repository and installs it offline. */
export function copyWorkspace(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const listed = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: repoRoot,
  }).stdout;
  for (const file of new Set(listed.split('\0'))) {
    if (file === '' || !existsSync(join(repoRoot, file))) continue; // deleted, not yet staged
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(join(repoRoot, file), join(dir, file));
  }
  gitIn(dir, ['init', '-q', '-b', 'main']);
  gitIn(dir, ['add', '-A']);
  gitIn(dir, ['commit', '-q', '--no-verify', '-m', 'workspace as checked']);
  // Offline first: the workspace was just installed from the same lockfile, so the store
  // holds every package; should it not (a pruned store), the registry fills the gap.
  const install = (mode: string): void => {
    run('pnpm', ['install', '--frozen-lockfile', mode, '--reporter=silent'], {
      cwd: dir,
      timeout: 300_000,
    });
  };
  try {
    install('--offline');
  } catch {
    install('--prefer-offline');
  }
  return dir;
}

/** Removes a throwaway copy (unless the script was given `--keep`, for debugging). */
export function removeCopy(dir: string): void {
  assertThrowaway(dir);
  if (process.argv.includes('--keep')) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
