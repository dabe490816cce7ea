import { describe, expect, it } from 'vitest';
import { consumerPrograms } from '../consumer-programs.ts';

const programs = consumerPrograms([
  { name: '@ucwa/a', folder: 'a', subpaths: ['.', './node'] },
  { name: '@ucwa/b', folder: 'b', subpaths: ['.'] },
]);
const byFile = new Map(programs.map((p) => [p.file, p]));

describe('consumerPrograms', () => {
  it('writes one ES module per package, one CommonJS require and import() program, and the quick start', () => {
    expect([...byFile.keys()]).toEqual([
      'esm/import-a.ts',
      'esm/import-b.ts',
      'cjs/require.ts',
      'cjs/dynamic-import.ts',
      'esm/quick-start.ts',
    ]);
  });
  it('imports every subpath of a package and expects each to report its exports', () => {
    const program = byFile.get('esm/import-a.ts');
    expect(program?.source).toContain("import * as entry_0 from '@ucwa/a';");
    expect(program?.source).toContain("import * as entry_1 from '@ucwa/a/node';");
    const output = 'import @ucwa/a: 3 exports\nimport @ucwa/a/node: 1 exports\n';
    expect(program?.expect.every((pattern) => pattern.test(output))).toBe(true);
    expect(program?.expect.every((pattern) => pattern.test('import @ucwa/a: 3 exports\n'))).toBe(
      false,
    );
  });
  it('loads every package with require() and with import() from CommonJS', () => {
    expect(byFile.get('cjs/require.ts')?.source).toContain("import pkg_1 = require('@ucwa/b');");
    expect(byFile.get('cjs/dynamic-import.ts')?.source).toContain("await import('@ucwa/b')");
  });
  it('never accepts a package that exports nothing at run time', () => {
    const program = byFile.get('esm/import-b.ts');
    expect(program?.expect.some((pattern) => pattern.test('import @ucwa/b: 0 exports\n'))).toBe(
      false,
    );
  });
});
