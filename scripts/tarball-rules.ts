// What a published package's tarball must hold, and nothing more: package.json, README.md
// (opening with the install line and the ESM-only note), LICENSE, NOTICE when the package
// has generated code (or a NOTICE of its own), and for every module under src/ its
// compiled .js and .d.ts under dist/. CHANGELOG.md stays in the repository (pnpm does not
// pack it). No source maps (no sources ship for them to point at), build info, sources
// or tests.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PublishedPackage } from './published-packages.ts';

const metaFiles = ['package.json', 'README.md', 'LICENSE'];

/** Every string in an exports/bin tree: the files a user's import or command reaches. */
function targets(value: unknown): string[] {
  if (typeof value === 'string') return value.startsWith('./') ? [value.slice(2)] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(targets);
}

/** The dist/ files that src/ compiles to: `x.js` and `x.d.ts` per `src/x.ts`. */
function compiledFiles(dir: string): string[] {
  const src = join(dir, 'src');
  if (!existsSync(src)) return [];
  return readdirSync(src, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.test.ts'))
    .flatMap((f) => [`dist/${f.replace(/\.ts$/, '.js')}`, `dist/${f.replace(/\.ts$/, '.d.ts')}`]);
}

/** What is wrong with the README's opening (empty when it is right). */
export function readmeProblems(name: string, text: string): string[] {
  const lines = text.split('\n');
  const body = lines.slice(1).filter((l) => l.trim() !== '');
  const problems: string[] = [];
  if (lines[0] !== `# ${name}`)
    problems.push(`README.md starts with "${lines[0]}", not "# ${name}"`);
  if (body[0] !== '```sh' || !new RegExp(`^npm install (--save-dev )?${name}$`).test(body[1] ?? ''))
    problems.push(`README.md does not open with the install line (\`npm install ${name}\`)`);
  const opening = body.slice(0, 12).join(' ');
  for (const phrase of ['ESM only', '22.12', 'CommonJS', '"type": "module"', 'import('])
    if (!opening.includes(phrase)) problems.push(`README.md's opening does not say ${phrase}`);
  return problems;
}

/** What is wrong with the files `pnpm publish --dry-run` packed for `pkg` (empty when right). */
export function tarballProblems(pkg: PublishedPackage, packed: readonly string[]): string[] {
  const files = new Set(packed);
  const problems: string[] = [];
  const wanted = [...metaFiles, ...compiledFiles(pkg.dir)];
  // Generated code carries facts from Microsoft's reference (CC BY 4.0): its attribution
  // travels with it.
  if (existsSync(join(pkg.dir, 'src', 'generated')) || existsSync(join(pkg.dir, 'NOTICE')))
    wanted.push('NOTICE');
  const manifest = pkg.manifest;
  const reached = targets(manifest.publishConfig?.exports ?? manifest.exports).concat(
    targets(manifest.bin),
    targets(manifest.types === undefined ? undefined : `./${manifest.types.replace(/^\.\//, '')}`),
  );
  for (const file of new Set([...wanted, ...reached]))
    if (!files.has(file)) problems.push(`does not ship ${file}`);
  const allowed = new Set(wanted);
  for (const file of files)
    if (!allowed.has(file)) problems.push(`ships ${file}, which it should not`);
  if (existsSync(join(pkg.dir, 'README.md')))
    problems.push(
      ...readmeProblems(manifest.name, readFileSync(join(pkg.dir, 'README.md'), 'utf8')),
    );
  return problems;
}
