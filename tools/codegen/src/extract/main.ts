// CLI: node tools/codegen/src/extract/main.ts [--docs DIR] [--out FILE] [--report FILE] [--check]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderReport } from './report.ts';
import { extractSpec } from './spec.ts';
import type { ExtractResult } from './types.ts';

export { renderReport } from './report.ts';
export { extractSpec } from './spec.ts';

/** tools/codegen/src/extract -> repository root */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

export interface Outputs {
  specJson: string;
  reportMd: string;
}

export function renderOutputs(result: ExtractResult): Outputs {
  return {
    specJson: `${JSON.stringify(result.spec, null, 2)}\n`,
    reportMd: renderReport(result.spec, result.report),
  };
}

/** Pure comparison used by --check: a list of differences (empty when up to date). */
export function checkOutputs(
  want: Outputs,
  have: { specJson: string | undefined; reportMd: string | undefined },
  names: { spec: string; report: string },
): string[] {
  const diffs: string[] = [];
  const cmp = (name: string, a: string, b: string | undefined): void => {
    if (b === undefined) {
      diffs.push(`${name}: missing`);
      return;
    }
    if (a === b) return;
    const al = a.split('\n');
    const bl = b.split('\n');
    let i = 0;
    while (i < al.length && i < bl.length && al[i] === bl[i]) i++;
    diffs.push(
      `${name}: differs from line ${i + 1} (committed ${bl.length} lines, generated ${al.length} lines)`,
    );
  };
  cmp(names.spec, want.specJson, have.specJson);
  cmp(names.report, want.reportMd, have.reportMd);
  return diffs;
}

function readIfExists(p: string): string | undefined {
  return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
}

function main(argv: readonly string[]): number {
  const opt = (name: string, dflt: string): string => {
    const i = argv.indexOf(name);
    const v = i >= 0 ? argv[i + 1] : undefined;
    return v !== undefined ? resolve(process.cwd(), v) : dflt;
  };
  const docs = opt('--docs', resolve(REPO_ROOT, '../shared/ucwa-docs'));
  const out = opt('--out', resolve(REPO_ROOT, 'packages/model/spec/ucwa-2.0.json'));
  const rep = opt('--report', resolve(REPO_ROOT, 'packages/model/spec/REPORT.md'));
  if (!existsSync(docs)) {
    process.stderr.write(`reference pages not found: ${docs}\n`);
    return 2;
  }
  const outputs = renderOutputs(extractSpec(docs));
  if (argv.includes('--check')) {
    const diffs = checkOutputs(
      outputs,
      { specJson: readIfExists(out), reportMd: readIfExists(rep) },
      { spec: relative(REPO_ROOT, out), report: relative(REPO_ROOT, rep) },
    );
    for (const d of diffs) process.stderr.write(`${d}\n`);
    if (diffs.length > 0) {
      process.stderr.write(
        'generated spec is out of date: run node tools/codegen/src/extract/main.ts\n',
      );
      return 1;
    }
    return 0;
  }
  for (const [p, text] of [
    [out, outputs.specJson],
    [rep, outputs.reportMd],
  ] as const) {
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
    process.stdout.write(`wrote ${relative(REPO_ROOT, p)}\n`);
  }
  return 0;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
