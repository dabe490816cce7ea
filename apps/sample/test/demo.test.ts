import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);
const demo = fileURLToPath(new URL('../src/demo.ts', import.meta.url));

it('runs the demo: sign-in, an invitation and messages over the event channels', async () => {
  const { stdout } = await run(process.execPath, ['--conditions=@ucwa/source', demo], {
    timeout: 30_000,
  });
  expect(stdout).toMatch(/^UCWA emulator at http:\/\/127\.0\.0\.1:\d+/);
  expect(stdout).toContain('alice  startMessaging → 201');
  expect(stdout).toContain('bob    invited: "Hi Bob, are you there?"');
  expect(stdout).toContain('alice  invitation success');
  expect(stdout).toContain('bob    received: "Lunch at noon?"');
  expect(stdout).toContain('225 rels from 238 pages, 56 enumerations');
}, 40_000);
