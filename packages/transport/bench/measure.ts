// The transport benchmarks' measurements, run as a plain Node process (get.bench.ts starts
// it): an application runs the transport without a test runner, whose module runner and
// async hooks change the cost of promise-heavy code, ky's included. Prints one JSON line.
//   node --expose-gc --conditions=@ucwa/source packages/transport/bench/measure.ts get 60 8
//   node --expose-gc --conditions=@ucwa/source packages/transport/bench/measure.ts heap 4 5000
import { transportModule } from './bundled.ts';
import { contenders, pendingGets } from './contenders.ts';
import { interleave } from './rounds.ts';
import { type BenchServer, startBenchServer } from './server.ts';

const [mode = 'get', first = '60', second = '8'] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc ?? noGc;

function noGc(): never {
  throw new Error('the heap measurement needs node --expose-gc');
}

/**
 * Collects until the heap stops changing: objects of the previous round (aborted
 * requests) are freed over several collections, as their finalizers (tasks of their own)
 * release what they hold; a short timer turn lets those tasks run.
 */
async function settledHeap(collect: () => void): Promise<number> {
  let last = Number.NaN;
  for (let i = 0; i < 50; i++) {
    collect();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const now = process.memoryUsage().heapUsed;
    if (Math.abs(now - last) < 64 * 1024) return now;
    last = now;
  }
  return last;
}

/** Heap per request while `count` requests started by `start` are held by the server. */
async function heapPer(
  server: BenchServer,
  collect: () => void,
  count: number,
  start: (signal: AbortSignal, index: number) => Promise<unknown>,
): Promise<number> {
  const controller = new AbortController();
  const before = await server.held();
  const base = await settledHeap(collect);
  const pending = Array.from({ length: count }, (_, i) =>
    start(controller.signal, i).catch(() => undefined),
  );
  // Waits on observable state (the server's count of held requests).
  while ((await server.held()) < before + count) await new Promise(setImmediate);
  const per = ((await settledHeap(collect)) - base) / count;
  controller.abort();
  await Promise.all(pending);
  while ((await server.held()) > before) await new Promise(setImmediate);
  return per;
}

const server = await startBenchServer();
try {
  if (mode === 'get') {
    const { bare, kyAlone, transport } = contenders(server.origin, transportModule);
    const [rounds, batches] = [Number(first), Number(second)];
    await interleave([bare, kyAlone, transport], 6, batches); // warm-up, not reported
    const costs = await interleave([bare, kyAlone, transport], rounds, batches);
    console.log(JSON.stringify({ rounds: costs }));
  } else {
    const [rounds, count] = [Number(first), Number(second)];
    const starts = pendingGets(server.origin, transportModule, count);
    const order = [starts.bare, starts.kyAlone, starts.transport] as const;
    for (const start of order) await heapPer(server, gc, count, start); // warm-up
    const per: [number[], number[], number[]] = [[], [], []];
    for (let round = 0; round < rounds; round++) {
      for (const index of round % 2 === 0 ? ([0, 1, 2] as const) : ([2, 1, 0] as const)) {
        per[index].push(await heapPer(server, gc, count, order[index]));
      }
    }
    console.log(JSON.stringify({ bare: per[0], kyAlone: per[1], transport: per[2] }));
  }
} finally {
  await server.close();
}
