// Every check of the repository, in order: typecheck (tsc -b, which also compiles the
// type tests), lint (Biome, publint, attw) and the vitest suite. Each step runs even if
// an earlier one failed; the last line is the test totals, and the exit code is non-zero
// when any step failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const report = '.vitest-report.json';
const steps: { name: string; cmd: string; args: string[] }[] = [
  { name: 'typecheck', cmd: 'pnpm', args: ['run', 'typecheck'] },
  { name: 'lint', cmd: 'pnpm', args: ['run', 'lint'] },
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
  },
];

rmSync(report, { force: true });
const failed: string[] = [];
for (const step of steps) {
  console.log(`\n=== ${step.name}: ${step.cmd} ${step.args.join(' ')}`);
  const result = spawnSync(step.cmd, step.args, { stdio: 'inherit' });
  if (result.status !== 0) failed.push(step.name);
}

let passed = 0;
let failedTests = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests?: number;
    numFailedTests?: number;
  };
  passed = json.numPassedTests ?? 0;
  failedTests = json.numFailedTests ?? 0;
} else if (!failed.includes('test')) {
  failed.push('test (no report)');
}
if (passed === 0 && !failed.includes('test')) failed.push('test (ran no test)');
if (failed.length > 0) console.log(`\nfailed steps: ${failed.join(', ')}`);
console.log(`${passed} passed, ${failedTests} failed`);
process.exit(failed.length > 0 || failedTests > 0 ? 1 : 0);
