// The README's example is apps/sample/src/quick-start.ts, verbatim: this test holds the
// README to that file and runs the file against the emulator, so the example stays true.
// (scripts/consumer-check.ts also compiles and runs it against the packed tarballs.)
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type RunningEmulator, startEmulator } from '@ucwa/emulator';
import { afterAll, beforeAll, expect, it } from 'vitest';

const run = promisify(execFile);
const example = fileURLToPath(new URL('../src/quick-start.ts', import.meta.url));
const readme = fileURLToPath(new URL('../../../README.md', import.meta.url));

let server: RunningEmulator;
beforeAll(async () => {
  server = await startEmulator({ port: 0 });
});
afterAll(() => server.close());

const runExample = (password: string) =>
  run(process.execPath, ['--conditions=@ucwa/source', example], {
    env: { ...process.env, UCWA_ORIGIN: server.url, UCWA_PASSWORD: password },
    timeout: 30_000,
  });

it('is the code block of the README quick start, verbatim', () => {
  const text = readFileSync(readme, 'utf8');
  const block =
    /<!-- quick-start: apps\/sample\/src\/quick-start\.ts -->\n```ts\n([\s\S]*?)```/.exec(
      text,
    )?.[1];
  expect(block).toBe(readFileSync(example, 'utf8'));
});

it('walks discovery → user → application → makeMeAvailable → me against the emulator', async () => {
  const { stdout } = await runExample('demo');
  expect(stdout).toBe('Alice is Online\n');
}, 40_000);

it('fails with the transport’s auth error on a wrong password', async () => {
  await expect(runExample('wrong')).rejects.toMatchObject({
    code: 1,
    stderr: expect.stringContaining('UcwaAuthError'),
  });
}, 40_000);
