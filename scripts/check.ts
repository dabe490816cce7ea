// Every check of the repository, in order: typecheck (tsc -b, which also compiles the
// type tests), lint (Biome, publint, attw), the vitest suite, the consumer check (the
// packed tarballs installed with npm and used from strict TypeScript programs) and the
// release rehearsal (changesets and publish on a throwaway copy). Each step runs even if
// an earlier one failed; the last line is the totals of the vitest tests, the consumer
// programs and the rehearsal's checks, and the exit code is non-zero when any step failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Step {
  readonly name: string;
  readonly cmd: string;
  readonly args: readonly string[];
  /** A JSON file with `numPassedTests`/`numFailedTests` or `passed`/`failed` counts. */
  readonly results: string;
  readonly timeout: number;
}

const report = '.vitest-report.json';
const scratch = mkdtempSync(join(tmpdir(), 'ucwa-check-'));
const steps: Step[] = [
  { name: 'typecheck', cmd: 'pnpm', args: ['run', 'typecheck'], results: '', timeout: 600_000 },
  { name: 'lint', cmd: 'pnpm', args: ['run', 'lint'], results: '', timeout: 600_000 },
  {
    name: 'test',
    cmd: 'pnpm',
    args: [
      'exec',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${report}`,
    ],
    results: report,
    timeout: 1_200_000,
  },
  ...(['consumer', 'release'] as const).map((name) => ({
    name,
    cmd: process.execPath,
    args: [`scripts/${name}-check.ts`, '--results', join(scratch, `${name}.json`)],
    results: join(scratch, `${name}.json`),
    timeout: 600_000,
  })),
];

function counts(file: string): { passed: number; failed: number } | undefined {
  if (file === '' || !existsSync(file)) return undefined;
  const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number | undefined>;
  return {
    passed: json.numPassedTests ?? json.passed ?? 0,
    failed: json.numFailedTests ?? json.failed ?? 0,
  };
}

rmSync(report, { force: true });
const failed: string[] = [];
let passed = 0;
let failedTests = 0;
for (const step of steps) {
  console.log(`\n=== ${step.name}: ${step.cmd} ${step.args.join(' ')}`);
  const result = spawnSync(step.cmd, step.args, { stdio: 'inherit', timeout: step.timeout });
  if (result.status !== 0)
    failed.push(result.error ? `${step.name} (${result.error.message})` : step.name);
  if (step.results === '') continue;
  const found = counts(step.results);
  if (found === undefined) {
    if (!failed.includes(step.name)) failed.push(`${step.name} (no results)`);
    continue;
  }
  if (found.passed === 0 && !failed.includes(step.name)) failed.push(`${step.name} (ran no test)`);
  passed += found.passed;
  failedTests += found.failed;
}
rmSync(scratch, { recursive: true, force: true });
if (failed.length > 0) console.log(`\nfailed steps: ${failed.join(', ')}`);
console.log(`${passed} passed, ${failedTests} failed`);
process.exit(failed.length > 0 || failedTests > 0 ? 1 : 0);
