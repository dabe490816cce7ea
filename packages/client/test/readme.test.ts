import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const source = (path: string): string =>
  pathToFileURL(fileURLToPath(new URL(path, import.meta.url))).href;

/** Every ```ts block of the README, in order, as one module importing the sources. */
function program(): string {
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  return blocks
    .join('\n')
    .replaceAll("from '@ucwa/client'", `from '${source('../src/index.ts')}'`)
    .replaceAll("from '@ucwa/emulator'", `from '${source('../../emulator/src/index.ts')}'`);
}

const dir = mkdtempSync(join(tmpdir(), 'ucwa-readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the README', () => {
  it('has no cast and no non-null assertion in its examples', () => {
    const code = program();
    expect(code).not.toMatch(/\bas [A-Z{]|as unknown|!\.|!\)/);
  });

  it('runs, in order, against the emulator', async () => {
    const file = join(dir, 'readme-example.ts');
    writeFileSync(file, program());
    const logged: unknown[][] = [];
    const original = console.log;
    console.log = (...args: unknown[]) => logged.push(args);
    try {
      await import(pathToFileURL(file).href);
    } finally {
      console.log = original;
    }
    const lines = logged.map((args) => args.map(String).join(' '));
    expect(lines).toContain('Busy');
    expect(lines).toContain('true');
    expect(lines).toContain('delivered: Noon?');
    expect(lines.some((l) => l.startsWith('bob got Hi <b>Bob</b> (HTML)'))).toBe(true);
  }, 30_000);
});
