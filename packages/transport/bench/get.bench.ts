import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { CONCURRENCY } from './contenders.ts';
import { type Cost, median, summary } from './rounds.ts';

// The measurements run in a plain Node process (measure.ts), the server in another
// (server-process.ts): what is measured is the client's side of each request, as an
// application runs it, not the test runner's.
async function measure(...args: string[]): Promise<unknown> {
  const script = fileURLToPath(new URL('./measure.ts', import.meta.url));
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--expose-gc', '--conditions=@ucwa/source', script, ...args],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? 'null');
}

// Goal (issue 11): the transport's own cost over ky alone keeps it at 0.9x of ky alone or
// better (ky alone's time divided by the transport's, same requests, same run); what a GET
// costs over bare fetch is reported in microseconds, not asserted. Three contenders on the
// same GET (contenders.ts), in interleaved rounds (each order of the three in turn) so load
// that drifts during the run (the machine is shared) hits every contender alike. The ratio
// asserted is the median over rounds of the client process's CPU time; wall clock is
// reported. Many short rounds (100 GETs per contender) keep each round's three
// measurements close in time, which on a shared machine steadies the median.
const ROUNDS = 300;
const BATCHES = 2;

describe('GET at concurrency 50 on loopback, server in its own process', () => {
  test('transport, ky alone and bare fetch', async () => {
    const { rounds } = (await measure('get', String(ROUNDS), String(BATCHES))) as {
      rounds: [Cost, Cost, Cost][];
    };
    const gets = BATCHES * CONCURRENCY;
    const ratios = (cost: (c: Cost) => number) => ({
      transportVsKy: rounds.map(([, k, t]) => cost(k) / cost(t)),
      kyVsBare: rounds.map(([b, k]) => cost(b) / cost(k)),
      transportVsBare: rounds.map(([b, , t]) => cost(b) / cost(t)),
    });
    const cpu = ratios((c) => c.cpu);
    const wall = ratios((c) => c.wall);
    const us = (pick: (round: [Cost, Cost, Cost]) => number) =>
      rounds.map((round) => (1000 * pick(round)) / gets);
    const line = (what: string, r: ReturnType<typeof ratios>) =>
      `${what}: transport/ky alone ${summary(r.transportVsKy)}, ky alone/bare fetch ${summary(r.kyVsBare)}, transport/bare fetch ${summary(r.transportVsBare)}`;
    console.log(
      [
        `GET at concurrency ${CONCURRENCY}: ${ROUNDS} interleaved rounds of ${gets} GETs per contender, median (range)`,
        line('CPU time', cpu),
        line('wall clock', wall),
        `CPU µs per GET: bare fetch ${summary(
          us(([b]) => b.cpu),
          1,
        )}, ky alone ${summary(
          us(([, k]) => k.cpu),
          1,
        )}, transport ${summary(
          us(([, , t]) => t.cpu),
          1,
        )}`,
        `CPU µs per GET over bare fetch: transport ${summary(
          us(([b, , t]) => t.cpu - b.cpu),
          1,
        )}, ky alone ${summary(
          us(([b, k]) => k.cpu - b.cpu),
          1,
        )}; transport over ky alone ${summary(
          us(([, k, t]) => t.cpu - k.cpu),
          1,
        )}`,
      ].join('\n'),
    );
    expect(median(cpu.transportVsKy)).toBeGreaterThanOrEqual(0.9);
  }, 900_000);
});

// Heap per pending P-GET: 5,000 long requests held by the server, the heap measured once it
// has settled after forced collections, for bare fetch, ky alone and the transport,
// interleaved over rounds. Goal (issue 11): within 1.3x of bare fetch (19 KiB). ky alone
// already holds about 1.5x (BENCHMARKS.md), so what is asserted is the transport's own
// share over ky alone; the ratio to bare fetch is reported.
describe('heap per pending long request, server in its own process', () => {
  const PENDING = 5_000;
  const ROUNDS_HEAP = 4;

  test('transport.getEvents, ky alone and bare fetch', async () => {
    const kib = (await measure('heap', String(ROUNDS_HEAP), String(PENDING))) as Record<
      'bare' | 'kyAlone' | 'transport',
      number[]
    >;
    const [bare, kyAlone, ours] = [kib.bare, kib.kyAlone, kib.transport].map((values) =>
      values.map((bytes) => bytes / 1024),
    ) as [number[], number[], number[]];
    const toBare = ours.map((v, i) => v / (bare[i] ?? v));
    const toKy = ours.map((v, i) => v / (kyAlone[i] ?? v));
    console.log(
      `heap per pending P-GET (${PENDING} pending, ${ROUNDS_HEAP} rounds), KiB, median (range): ` +
        `bare fetch ${summary(bare, 1)}, ky alone ${summary(kyAlone, 1)}, transport ${summary(ours, 1)}; ` +
        `transport/bare fetch ${summary(toBare)}, transport/ky alone ${summary(toKy)}`,
    );
    // The transport's own share (its deadline, call state, the listener on the caller's
    // signal): about 1 KiB over ky alone.
    expect(median(toKy)).toBeLessThanOrEqual(1.1);
  }, 900_000);
});
