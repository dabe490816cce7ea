// Ratios of two synchronous functions measured in interleaved rounds. A single vitest bench
// run times one contender after the other, so load that drifts during the run (other
// processes on a 2-core machine) lands on one side: the same pair then reads anywhere from
// 0.9x to 2x. Here every round times both, in alternating order, and the median of the
// per-round ratios is what a benchmark reports and asserts.

export interface InterleavedOptions {
  /** Rounds, each timing both functions once. Default 31 (an odd count has one median). */
  readonly rounds?: number;
  /** Calls of each function per timing; enough to run for a few milliseconds. */
  readonly calls: number;
}

export interface InterleavedRatio {
  /** Median of `subject time ÷ baseline time` over the rounds (lower is better). */
  readonly median: number;
  /** First and third quartile of the per-round ratios. */
  readonly quartiles: readonly [number, number];
  /** Microseconds per call of the baseline and of the subject (medians over the rounds). */
  readonly baselineMicros: number;
  readonly subjectMicros: number;
}

function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const low = sorted[Math.floor(at)] ?? 0;
  const high = sorted[Math.ceil(at)] ?? low;
  return low + (high - low) * (at - Math.floor(at));
}

function timeCalls(run: () => unknown, calls: number): number {
  const start = performance.now();
  for (let i = 0; i < calls; i++) run();
  return performance.now() - start;
}

/** Times `subject` against `baseline` in interleaved rounds, after one warm-up round. */
export function interleavedRatio(
  baseline: () => unknown,
  subject: () => unknown,
  options: InterleavedOptions,
): InterleavedRatio {
  const { rounds = 31, calls } = options;
  timeCalls(baseline, calls);
  timeCalls(subject, calls);
  const ratios: number[] = [];
  const baseTimes: number[] = [];
  const subjectTimes: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let base: number;
    let ours: number;
    if (round % 2 === 0) {
      base = timeCalls(baseline, calls);
      ours = timeCalls(subject, calls);
    } else {
      ours = timeCalls(subject, calls);
      base = timeCalls(baseline, calls);
    }
    ratios.push(ours / base);
    baseTimes.push(base);
    subjectTimes.push(ours);
  }
  const sorted = (values: number[]) => values.sort((a, b) => a - b);
  const byRatio = sorted(ratios);
  const micros = (times: number[]) => (quantile(sorted(times), 0.5) * 1000) / calls;
  return {
    median: quantile(byRatio, 0.5),
    quartiles: [quantile(byRatio, 0.25), quantile(byRatio, 0.75)],
    baselineMicros: micros(baseTimes),
    subjectMicros: micros(subjectTimes),
  };
}

/** `1.08x (1.05-1.11), 412.3 µs vs 381.7 µs` for a benchmark's log line. */
export function formatRatio(result: InterleavedRatio): string {
  const [q1, q3] = result.quartiles;
  return (
    `${result.median.toFixed(2)}x (quartiles ${q1.toFixed(2)}-${q3.toFixed(2)}), ` +
    `${result.subjectMicros.toFixed(1)} µs vs ${result.baselineMicros.toFixed(1)} µs`
  );
}
