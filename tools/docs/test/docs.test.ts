import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);
const here = fileURLToPath(new URL('..', import.meta.url));
const typedoc = join(here, 'node_modules/typedoc/bin/typedoc');

it('builds the API reference of every published package, with their TSDoc', async () => {
  const out = mkdtempSync(join(tmpdir(), 'ucwa-docs-'));
  await run(process.execPath, [typedoc, '--out', out], { cwd: here, timeout: 120_000 });
  const modules = readdirSync(join(out, 'modules')).sort();
  expect(modules).toEqual(
    ['client', 'codec-json', 'codec-xml', 'emulator', 'events', 'model', 'transport'].map(
      (name) => `_ucwa_${name}.html`,
    ),
  );
  const signIn = readFileSync(join(out, 'functions', '_ucwa_client.signIn.html'), 'utf8');
  expect(signIn).toContain('Resolves once the session is');
}, 130_000);
