import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PublishedPackage } from '../published-packages.ts';
import { readmeProblems, tarballProblems } from '../tarball-rules.ts';

const readme = (name: string): string =>
  `# ${name}\n\n\`\`\`sh\nnpm install ${name}\n\`\`\`\n\nESM only, Node.js ≥ 22.12. A CommonJS project sets "type": "module" or uses await import('${name}').\n`;

const dir = mkdtempSync(join(tmpdir(), 'ucwa-tarball-rules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'src/generated'), { recursive: true });
writeFileSync(join(dir, 'src/index.ts'), 'export {};\n');
writeFileSync(join(dir, 'src/generated/catalog.ts'), 'export {};\n');
writeFileSync(join(dir, 'README.md'), readme('@ucwa/x'));
const pkg: PublishedPackage = {
  folder: 'x',
  dir,
  manifest: {
    name: '@ucwa/x',
    version: '0.1.0',
    publishConfig: { exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } } },
  },
};
const shipped = [
  'package.json',
  'README.md',
  'LICENSE',
  'NOTICE',
  'dist/index.js',
  'dist/index.d.ts',
  'dist/generated/catalog.js',
  'dist/generated/catalog.d.ts',
];

describe('tarballProblems', () => {
  it('accepts exactly the compiled modules, the metadata and the NOTICE', () => {
    expect(tarballProblems(pkg, shipped)).toEqual([]);
  });
  it('names what is missing and what should not be there', () => {
    const files = [...shipped.filter((f) => f !== 'NOTICE' && f !== 'dist/index.js')];
    files.push('dist/index.js.map', 'src/index.ts', 'dist/.tsbuildinfo');
    expect(tarballProblems(pkg, files).sort()).toEqual([
      'does not ship NOTICE',
      'does not ship dist/index.js',
      'ships dist/.tsbuildinfo, which it should not',
      'ships dist/index.js.map, which it should not',
      'ships src/index.ts, which it should not',
    ]);
  });
  it('flags build output whose source is gone', () => {
    expect(tarballProblems(pkg, [...shipped, 'dist/removed.js'])).toEqual([
      'ships dist/removed.js, which it should not',
    ]);
  });
});

describe('readmeProblems', () => {
  it('accepts a README that opens with the install line and the ESM-only note', () => {
    expect(readmeProblems('@ucwa/x', readme('@ucwa/x'))).toEqual([]);
  });
  it('refuses a README whose first block is not the install line', () => {
    const problems = readmeProblems('@ucwa/x', '# @ucwa/x\n\nA package.\n');
    expect(problems[0]).toMatch(/install line/);
    expect(problems).toContain("README.md's opening does not say ESM only");
  });
});
