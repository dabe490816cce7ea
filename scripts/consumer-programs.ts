// The programs of the consumer check (scripts/consumer-check.ts), generated from the list
// of published packages so that a new package is covered without editing this file.

export interface ConsumerPackage {
  readonly name: string;
  readonly folder: string;
  /** `.`, `./node`, ...: what the tarball's exports declare. */
  readonly subpaths: readonly string[];
}

export interface Program {
  readonly title: string;
  /** Relative to the consumer project: `esm/…` is in a `"type": "module"` scope, `cjs/…` in CommonJS. */
  readonly file: string;
  /** The program's text; `undefined` when the file is copied in (the quick start). */
  readonly source: string | undefined;
  /** The packages whose declarations a type error in would fail this program. */
  readonly imports: readonly string[];
  readonly needsEmulator: boolean;
  /** Every pattern must match the program's standard output. */
  readonly expect: readonly RegExp[];
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const ident = (s: string, i: number): string => `${s.replace(/\W+/g, '_').replace(/^_+/, '')}_${i}`;
const specifiers = (pkg: ConsumerPackage): string[] =>
  pkg.subpaths.map((sub) => (sub === '.' ? pkg.name : `${pkg.name}${sub.slice(1)}`));

const report = `
  const names = Object.keys(namespace);
  if (names.length === 0) throw new Error(\`\${specifier} has no run-time export\`);
  console.log(\`\${how} \${specifier}: \${names.length} exports\`);`;

/** An ES module that imports every subpath of one package. */
function esmProgram(pkg: ConsumerPackage): Program {
  const specs = specifiers(pkg);
  const lines = specs.map((s, i) => `import * as ${ident('entry', i)} from '${s}';`);
  const table = specs.map((s, i) => `  ['${s}', ${ident('entry', i)}],`);
  const source = `${lines.join('\n')}

const how = 'import';
const entries: ReadonlyArray<readonly [string, object]> = [
${table.join('\n')}
];
for (const [specifier, namespace] of entries) {${report}
}
`;
  return {
    title: `${pkg.name}: every subpath imported from an ES module, typed and loaded`,
    file: `esm/import-${pkg.folder}.ts`,
    source,
    imports: [pkg.name],
    needsEmulator: false,
    expect: specs.map((s) => new RegExp(`^import ${escapeRegExp(s)}: [1-9]\\d* exports$`, 'm')),
  };
}

/** A CommonJS program that loads every package's main entry with `require`. */
function requireProgram(packages: readonly ConsumerPackage[]): Program {
  const lines = packages.map((p, i) => `import ${ident('pkg', i)} = require('${p.name}');`);
  const table = packages.map((p, i) => `  ['${p.name}', ${ident('pkg', i)}],`);
  return {
    title: 'CommonJS: every package loaded with require()',
    file: 'cjs/require.ts',
    source: `${lines.join('\n')}

const how = 'require';
const entries: ReadonlyArray<readonly [string, object]> = [
${table.join('\n')}
];
for (const [specifier, namespace] of entries) {${report}
}
`,
    imports: packages.map((p) => p.name),
    needsEmulator: false,
    expect: packages.map(
      (p) => new RegExp(`^require ${escapeRegExp(p.name)}: [1-9]\\d* exports$`, 'm'),
    ),
  };
}

/** A CommonJS program that loads every package's main entry with `import()`. */
function dynamicImportProgram(packages: readonly ConsumerPackage[]): Program {
  const loads = packages.map((p) => `    ['${p.name}', await import('${p.name}')],`);
  return {
    title: 'CommonJS: every package loaded with import()',
    file: 'cjs/dynamic-import.ts',
    source: `async function main(): Promise<void> {
  const how = 'import()';
  const entries: ReadonlyArray<readonly [string, object]> = [
${loads.join('\n')}
  ];
  for (const [specifier, namespace] of entries) {${report.replace(/\n/g, '\n  ')}
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
`,
    imports: packages.map((p) => p.name),
    needsEmulator: false,
    expect: packages.map(
      (p) => new RegExp(`^import\\(\\) ${escapeRegExp(p.name)}: [1-9]\\d* exports$`, 'm'),
    ),
  };
}

/** Every program of the consumer check for these packages. */
export function consumerPrograms(packages: readonly ConsumerPackage[]): Program[] {
  return [
    ...packages.map(esmProgram),
    requireProgram(packages),
    dynamicImportProgram(packages),
    {
      title:
        'README quick start: discovery → user → application → makeMeAvailable → me, against ucwa-emulator',
      file: 'esm/quick-start.ts',
      source: undefined,
      imports: ['@ucwa/model', '@ucwa/transport'],
      needsEmulator: true,
      expect: [/^Alice\b.* is Online$/m],
    },
  ];
}
