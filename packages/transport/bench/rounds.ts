import type { Run } from './contenders.ts';

/** Every order of three contenders: each runs first, second and third equally often. */
const ORDERS = [
  [0, 1, 2],
  [1, 2, 0],
  [2, 0, 1],
  [2, 1, 0],
  [1, 0, 2],
  [0, 2, 1],
] as const;

/** What one contender took in one round: wall-clock and this process's CPU time, in ms. */
export interface Cost {
  readonly wall: number;
  readonly cpu: number;
}

async function timed(run: Run, batches: number): Promise<Cost> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < batches; i++) await run();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

/**
 * Runs three contenders in interleaved rounds (each round in the next order of
 * {@link ORDERS}), so load that drifts during the run (other processes on a shared
 * machine) hits every contender alike. Returns each round's costs, in contender order.
 */
export async function interleave(
  runs: readonly [Run, Run, Run],
  rounds: number,
  batches: number,
): Promise<[Cost, Cost, Cost][]> {
  const results: [Cost, Cost, Cost][] = [];
  const none = { wall: 0, cpu: 0 };
  for (let round = 0; round < rounds; round++) {
    const costs: [Cost, Cost, Cost] = [none, none, none];
    for (const index of ORDERS[round % ORDERS.length] ?? ORDERS[0]) {
      costs[index] = await timed(runs[index], batches);
    }
    results.push(costs);
  }
  return results;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length / 2;
  return sorted.length % 2 === 0
    ? ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
    : (sorted[Math.floor(middle)] ?? 0);
}

/** `median (min–max)` of `values`, with `digits` decimals. */
export function summary(values: readonly number[], digits = 2): string {
  const f = (x: number) => x.toFixed(digits);
  return `${f(median(values))} (${f(Math.min(...values))}–${f(Math.max(...values))})`;
}
