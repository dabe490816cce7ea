import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startEmulator } from '@ucwa/emulator';
import { expect, it } from 'vitest';

const run = promisify(execFile);
const example = fileURLToPath(new URL('../src/audio-video.ts', import.meta.url));
const readme = fileURLToPath(new URL('../../../README.md', import.meta.url));

it('the README shows the audioVideo example as it is in apps/sample/src/audio-video.ts', () => {
  expect(readFileSync(readme, 'utf8')).toContain(
    `\`\`\`ts\n${readFileSync(example, 'utf8')}\`\`\``,
  );
});

it('the audioVideo example follows the call from Disconnected to Connected', async () => {
  const server = await startEmulator();
  try {
    const { stdout } = await run(process.execPath, ['--conditions=@ucwa/source', example], {
      env: { ...process.env, UCWA_SERVER: `${server.url}/` },
      timeout: 60_000,
    });
    const states = stdout
      .trim()
      .split('\n')
      .map((line) => line.split(';')[0]);
    expect(states).toEqual(['audioVideo Connecting', 'audioVideo Connected']);
    expect(stdout).toMatch(/audioVideo Connected; links: .*stopAudio/);
  } finally {
    await server.close();
  }
}, 70_000);
