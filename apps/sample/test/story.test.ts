import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);
const story = fileURLToPath(new URL('../src/story.ts', import.meta.url));

it('tells the story: sign-in, presence, an answered chat, an audio call started and stopped', async () => {
  const { stdout } = await run(process.execPath, ['--conditions=@ucwa/source', story], {
    timeout: 60_000,
  });
  const lines = stdout.trim().split('\n');
  expect(lines[0]).toMatch(/^server UCWA emulator at http:\/\/127\.0\.0\.1:\d+$/);
  expect(lines).toContain('alice  signed in, ready');
  expect(lines).toContain('bob    sees alice Busy');
  expect(lines).toContain('bob    invited by Alice: "Lunch today?"');
  expect(lines).toContain('alice  got "<b>Yes</b>, noon works" (HTML)');
  expect(lines).toContain('alice  audioVideo Connected');
  expect(lines.at(-1)).toBe('server both signed out; done');
}, 70_000);
