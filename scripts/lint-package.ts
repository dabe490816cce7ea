// Lints one published package as users receive it: packs it with pnpm (so
// publishConfig applies and the workspace-only "@ucwa/source" condition is gone),
// then runs publint and are-the-types-wrong on that tarball.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = mkdtempSync(join(tmpdir(), 'ucwa-pack-'));
const run = (cmd: string, args: string[]): void => {
  execFileSync(cmd, args, { stdio: 'inherit' });
};
try {
  run('pnpm', ['pack', '--pack-destination', out]);
  const tarball = readdirSync(out).find((f) => f.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`pnpm pack wrote no tarball into ${out}`);
  const file = join(out, tarball);
  run('publint', ['run', file, '--strict']);
  run('attw', [file, '--profile', 'esm-only', '--format', 'table-flipped', '--no-color']);
} finally {
  rmSync(out, { recursive: true, force: true });
}
