// CLI: node tools/codegen/src/generate/main.ts [--spec FILE] [--out DIR] [--check]
// Writes packages/model/src/generated/ from the committed spec. With --check it writes
// nothing and exits 1 when the committed files differ from what it would write.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Spec } from '../extract/types.ts';
import { generateModel } from './generate.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The files under `dir` that differ from `files`, or exist in only one of the two. */
export function diffGenerated(dir: string, files: Map<string, string>): string[] {
  const present = existsSync(dir) ? readdirSync(dir) : [];
  const problems: string[] = [];
  for (const [name, content] of files) {
    const path = join(dir, name);
    if (!existsSync(path)) problems.push(`${name}: missing`);
    else if (readFileSync(path, 'utf8') !== content) problems.push(`${name}: differs`);
  }
  for (const name of present) if (!files.has(name)) problems.push(`${name}: not generated`);
  return problems;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      spec: { type: 'string', default: join(repo, 'packages/model/spec/ucwa-2.0.json') },
      out: { type: 'string', default: join(repo, 'packages/model/src/generated') },
      check: { type: 'boolean', default: false },
    },
  });
  const spec = JSON.parse(readFileSync(values.spec, 'utf8')) as Spec;
  const files = generateModel(spec);
  if (values.check) {
    const problems = diffGenerated(values.out, files);
    if (problems.length > 0) {
      console.error(`generated model is stale (run pnpm codegen):\n  ${problems.join('\n  ')}`);
      process.exit(1);
    }
    console.log(`generated model is up to date (${files.size} files)`);
    return;
  }
  rmSync(values.out, { recursive: true, force: true });
  mkdirSync(values.out, { recursive: true });
  for (const [name, content] of files) writeFileSync(join(values.out, name), content);
  console.log(`wrote ${files.size} files to ${values.out}`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
