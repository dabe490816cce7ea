import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import ky from 'ky';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { transportModule } from './bundled.ts';
import { startBenchServer } from './server.ts';

const { createTransport } = transportModule;
const CONCURRENCY = 50;
const ACCEPT = 'application/vnd.microsoft.com.ucwa+json';

let server: Awaited<ReturnType<typeof startBenchServer>>;

beforeAll(async () => {
  server = await startBenchServer();
});
afterAll(async () => {
  await server.close();
});

function auth() {
  return { getToken: async () => ({ accessToken: 'cwt=bench-token' }) };
}

// Goal (issue 5): transport GET throughput at concurrency 50 on loopback is at least 0.8x
// bare fetch on the same requests in the same run. All three contenders use Node's global
// fetch and dispatcher: bare fetch parses the JSON; "ky alone" is a ky instance made as the
// transport makes its own (no retry, no timeout, no redirects), parsing the JSON; the
// transport adds auth, the origin policy, the limiter, the call deadline and decoding into
// the model. "ky alone" shows how much of the gap is ky's own per-request work.
// The table is vitest's; the asserted ratios come from interleaved rounds (each order of
// the three in turn) and their medians, so load that drifts during the run (other
// processes on the machine) hits every contender alike.
const ROUNDS = 24;
const BATCHES = 20;
const ORDERS = [
  [0, 1, 2],
  [1, 2, 0],
  [2, 0, 1],
  [2, 1, 0],
  [1, 0, 2],
  [0, 2, 1],
] as const;

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length / 2;
  return sorted.length % 2 === 0
    ? ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
    : (sorted[Math.floor(middle)] ?? 0);
}

describe('GET at concurrency 50 on loopback', () => {
  const measured = { transportVsBare: 0, kyVsBare: 0, transportVsKy: 0 };

  test('transport, ky alone and bare fetch', async ({ bench }) => {
    const url = `${server.origin}/me`;
    const headers = { accept: ACCEPT, authorization: 'Bearer cwt=bench-token' };
    const transport = createTransport({
      origin: server.origin,
      format: 'json',
      auth: auth(),
      limit: CONCURRENCY,
    });
    const kyAlone = ky.create({
      redirect: 'manual',
      timeout: false,
      throwHttpErrors: false,
      retry: 0,
    });
    const target = new URL(url);
    const concurrently = (one: () => Promise<unknown>) => async (): Promise<void> => {
      await Promise.all(Array.from({ length: CONCURRENCY }, one));
    };
    type Run = () => Promise<void>;
    const contenders: [bare: Run, kyOnly: Run, ours: Run] = [
      concurrently(async () => (await fetch(url, { headers })).json()),
      concurrently(async () => (await kyAlone(target, { headers })).json()),
      concurrently(() => transport.get('/me')),
    ];
    const [bare, kyOnly, ours] = contenders;
    await bench.compare(
      bench('bare fetch', bare),
      bench('ky alone', kyOnly),
      bench('transport.get', ours),
      { time: 2_000 },
    );

    const timed = async (run: Run): Promise<number> => {
      const start = performance.now();
      for (let i = 0; i < BATCHES; i++) await run();
      return performance.now() - start;
    };
    const totals: [number, number, number] = [0, 0, 0];
    const ratios = {
      transportVsBare: [] as number[],
      kyVsBare: [] as number[],
      transportVsKy: [] as number[],
    };
    for (let round = 0; round < ROUNDS; round++) {
      const times: [number, number, number] = [0, 0, 0];
      for (const index of ORDERS[round % ORDERS.length] ?? ORDERS[0]) {
        times[index] = await timed(contenders[index]);
        totals[index] += times[index];
      }
      const [bareMs, kyMs, oursMs] = times;
      ratios.transportVsBare.push(bareMs / oursMs);
      ratios.kyVsBare.push(bareMs / kyMs);
      ratios.transportVsKy.push(kyMs / oursMs);
    }
    measured.transportVsBare = median(ratios.transportVsBare);
    measured.kyVsBare = median(ratios.kyVsBare);
    measured.transportVsKy = median(ratios.transportVsKy);
    const perSecond = (ms: number) => ((ROUNDS * BATCHES * CONCURRENCY) / (ms / 1000)).toFixed(0);
    console.log(
      `throughput at concurrency ${CONCURRENCY}, medians over ${ROUNDS} interleaved rounds: ` +
        `transport/bare fetch ${measured.transportVsBare.toFixed(2)}x, ky alone/bare fetch ${measured.kyVsBare.toFixed(2)}x, ` +
        `transport/ky alone ${measured.transportVsKy.toFixed(2)}x ` +
        `(bare ${perSecond(totals[0])} req/s, ky alone ${perSecond(totals[1])} req/s, transport ${perSecond(totals[2])} req/s)`,
    );
    // A guard on what the transport adds on top of ky (auth, origin policy, limiter,
    // deadline, decoding into the model): measured 0.79-0.95x on the CI machine.
    expect(measured.transportVsKy).toBeGreaterThanOrEqual(0.75);
  });

  // The target. Not met while every request goes through ky: ky alone stays under
  // 0.8x of bare fetch here (see BENCHMARKS.md).
  test('transport is at least 0.8x bare fetch', () => {
    expect(measured.transportVsBare).toBeGreaterThanOrEqual(0.8);
  });
});

// Heap per pending long request: 100 P-GETs held open by the server, measured after a
// forced GC, for the transport and for bare fetch.
describe('heap per pending long request', () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const PENDING = 100;

  async function heapPer(
    start: (signal: AbortSignal, index: number) => Promise<unknown>,
  ): Promise<number> {
    const controller = new AbortController();
    const before = server.held();
    gc();
    gc();
    const base = process.memoryUsage().heapUsed;
    const pending = Array.from({ length: PENDING }, (_, i) =>
      start(controller.signal, i).catch(() => undefined),
    );
    while (server.held() < before + PENDING) await new Promise((resolve) => setTimeout(resolve, 5));
    gc();
    const per = (process.memoryUsage().heapUsed - base) / PENDING;
    controller.abort();
    await Promise.all(pending);
    return per;
  }

  test('transport.getEvents vs bare fetch', async () => {
    const transport = createTransport({
      origin: server.origin,
      format: 'json',
      auth: auth(),
      limit: 100,
    });
    const bareRound = () =>
      heapPer((signal, i) => fetch(`${server.origin}/events?ack=${i}`, { signal }));
    const oursRound = () =>
      heapPer((signal, i) =>
        transport.getEvents(`/events?ack=${i}`, { signal, timeout: 1_900_000 }),
      );
    // A first round of each warms sockets and code; the second is the one reported.
    await bareRound();
    await oursRound();
    const bare = await bareRound();
    const ours = await oursRound();
    console.log(
      `heap per pending long request: transport ${(ours / 1024).toFixed(1)} KiB, bare fetch ${(bare / 1024).toFixed(1)} KiB`,
    );
    expect(ours).toBeLessThan(64 * 1024);
  });
});
