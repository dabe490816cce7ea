// Long fuzz run, not part of the test suite:
//   node packages/codec-xml/fuzz/fuzz.ts [runs] [seed]
// (Node 24 runs the TypeScript directly; workspace imports resolve through the
// "@ucwa/source" condition, which this script adds when it is missing.)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

if (!process.execArgv.some((arg) => arg.includes('@ucwa/source'))) {
  execFileSync(
    process.execPath,
    [
      '--conditions=@ucwa/source',
      ...process.execArgv,
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    {
      stdio: 'inherit',
    },
  );
  process.exit(0);
}

const { corpus } = await import('./corpus.ts');
const { runFuzz } = await import('./run.ts');
const runs = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? Date.now() % 1_000_000);
const started = performance.now();
const outcome = runFuzz(corpus(readFileSync), seed, runs, { maxMs: 1000, everyDecoder: true });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `seed ${seed}: ${runs} documents x 4 decoders in ${seconds} s; decoded ${outcome.decoded}, refused ${outcome.refused}, slowest ${outcome.slowestMs.toFixed(1)} ms`,
);
for (const failure of outcome.failures.slice(0, 20)) console.error(failure);
process.exit(outcome.failures.length === 0 ? 0 : 1);
