// The test list of a check script: each check prints `ok` or `not ok` with its name, the
// script ends with the `N passed, N failed` line, and scripts/check.ts adds the counts it
// finds in the file named by `--results FILE` to the run's totals.
import { writeFileSync } from 'node:fs';

export interface Tally {
  /** Runs one named check; a thrown error fails it (and is printed), others still run. */
  check(name: string, body: () => void | Promise<void>): Promise<boolean>;
  /** Counts a check that could not run because an earlier step failed. */
  skip(name: string, reason: string): void;
  /** Prints the totals, writes them for scripts/check.ts and returns the exit code. */
  finish(): number;
}

export function createTally(title: string): Tally {
  let passed = 0;
  let failed = 0;
  return {
    async check(name, body) {
      try {
        await body();
        passed += 1;
        console.log(`ok - ${title}: ${name}`);
        return true;
      } catch (error) {
        failed += 1;
        const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
        console.log(`not ok - ${title}: ${name}\n${text.replace(/^/gm, '    ')}`);
        return false;
      }
    },
    skip(name, reason) {
      failed += 1;
      console.log(`not ok - ${title}: ${name} (not run: ${reason})`);
    },
    finish() {
      const at = process.argv.indexOf('--results');
      const file = at === -1 ? undefined : process.argv[at + 1];
      if (file !== undefined && file !== '')
        writeFileSync(file, JSON.stringify({ passed, failed }));
      console.log(`${title}: ${passed} passed, ${failed} failed`);
      return failed > 0 || passed === 0 ? 1 : 0;
    },
  };
}
