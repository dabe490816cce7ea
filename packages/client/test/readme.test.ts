import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const path = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

/**
 * Every ```ts block of the README, in order, as one module importing the sources (as
 * `file:` URLs to run it, as paths to type-check it).
 */
function program(as: 'url' | 'path' = 'url'): string {
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  const ref = (p: string) => (as === 'url' ? pathToFileURL(path(p)).href : path(p));
  return blocks
    .join('\n')
    .replaceAll("from '@ucwa/client'", `from '${ref('../src/index.ts')}'`)
    .replaceAll("from '@ucwa/emulator'", `from '${ref('../../emulator/src/index.ts')}'`);
}

const dir = mkdtempSync(join(tmpdir(), 'ucwa-readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the README', () => {
  it('has no cast and no non-null assertion in its examples', () => {
    const code = program();
    expect(code).not.toMatch(/\bas [A-Z{]|as unknown|!\.|!\)/);
  });

  it('type-checks under the strict settings of the repository', () => {
    writeFileSync(join(dir, 'readme.mts'), program('path'));
    const compilerOptions = {
      noEmit: true,
      composite: false,
      declaration: false,
      declarationMap: false,
      rewriteRelativeImportExtensions: false,
      types: ['node'],
      typeRoots: [path('../../../node_modules/@types')],
      customConditions: ['@ucwa/source'],
    };
    const config = {
      extends: path('../../../tsconfig.base.json'),
      compilerOptions,
      files: ['readme.mts'],
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config));
    const tsc = spawnSync('pnpm', ['exec', 'tsc', '-p', join(dir, 'tsconfig.json')], {
      cwd: path('../../..'),
      encoding: 'utf8',
    });
    expect(`${tsc.stdout}${tsc.stderr}`).toBe('');
    expect(tsc.status).toBe(0);
  }, 60_000);

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
    // messaging.start and addParticipant of someone not signed in fail with UcwaOperationError.
    expect(lines.filter((line) => line === 'TemporarilyUnavailable')).toHaveLength(2);
    // meetings.join resolved with the meeting's conversation.
    expect(lines).toContain('Connected');
    // bob waited in the lobby of alice's Locked meeting until she admitted him.
    expect(lines).toContain('in the lobby: sip:bob@contoso.com');
    expect(lines).toContain('admitted: Connected');
    // A refused password is a UcwaAuthError with the OAuth reason, exported by @ucwa/client.
    expect(lines).toContain('wrong password');
    expect(lines.some((l) => l.startsWith('join failed'))).toBe(false);
    // A conversation accepted in one tab reaches another, and one opened later lists it.
    expect(lines).toContain('tab A got Both tabs read this');
    expect(lines).toContain('1 true');
    expect(lines).toContain('tab A: the conversation ended');
    expect(lines.some((l) => l.startsWith('bob got Hi <b>Bob</b> (HTML)'))).toBe(true);
  }, 30_000);
});
