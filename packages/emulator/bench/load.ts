// Load check for the emulator, loopback only, bounded, stops by itself. Every server runs
// in a process of its own (bench/server-process.ts); this process is only the client.
//   node --conditions=@ucwa/source packages/emulator/bench/load.ts [--rounds 11] [--pgets 10000]
// 1. Simple GETs per second: the emulator's GET me against a bare node:http server
//    answering the very same bytes (status, headers, body recorded from the emulator),
//    in interleaved rounds; the median and range of the per-round ratios.
// 2. Sign-in: 1k, 5k and 10k users each get a token and an application; time per user
//    should stay flat as the directory grows.
// 3. Held P-GETs: every one of the 10k signed-in users opens its event channel; all are
//    held at once, then each is released by one event.
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { httpClient, summary } from './http-client.ts';

const SERVER = fileURLToPath(new URL('./server-process.ts', import.meta.url));
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '11' },
    total: { type: 'string', default: '4000' },
    pgets: { type: 'string', default: '10000' },
    only: { type: 'string' },
  },
});
const ROUNDS = Number(values.rounds);
const TOTAL = Number(values.total);
const P_GETS = Number(values.pgets);
const CONCURRENCY = 32;

interface Server {
  readonly url: string;
  ask<T>(message: { type: string }, key: string): Promise<T>;
  stop(): Promise<void>;
}

async function start(args: string[]): Promise<Server> {
  const child: ChildProcess = fork(SERVER, args, {
    execArgv: ['--conditions=@ucwa/source'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>(key: string): Promise<T> =>
    new Promise((resolve) => {
      const on = (m: Record<string, unknown>) => {
        if (!(key in m)) return;
        child.off('message', on);
        resolve(m[key] as T);
      };
      child.on('message', on);
    });
  const port = await next<number>('port');
  return {
    url: `http://127.0.0.1:${port}`,
    ask: (message, key) => {
      const answer = next<never>(key);
      child.send(message);
      return answer;
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.send({ type: 'stop' });
      }),
  };
}

/** The bytes of one emulator answer, as a bare server should send them. */
function record(answer: {
  status: number;
  headers: Record<string, unknown>;
  body: string;
}): string {
  const keep = ['content-type', 'etag', 'cache-control', 'vary', 'x-ms-ucwaversion'];
  const headers = Object.fromEntries(
    keep.flatMap((k) => (answer.headers[k] ? [[k, answer.headers[k]]] : [])),
  );
  const file = join(mkdtempSync(join(tmpdir(), 'ucwa-bench-')), 'answer.json');
  writeFileSync(file, JSON.stringify({ status: answer.status, headers, body: answer.body }));
  return file;
}

async function gets(): Promise<boolean> {
  const client = httpClient(64);
  const emulator = await start(['emulator', '10']);
  const session = await client.signIn(emulator.url, 'user0', 'rate');
  const meUrl = `${emulator.url}${session.app}/me`;
  const bare = await start(['bare', record(await client.call(meUrl, 'GET', session.auth))]);
  const bareUrl = `${bare.url}${session.app}/me`;
  await client.rate(bareUrl, session.auth, TOTAL / 2, CONCURRENCY);
  await client.rate(meUrl, session.auth, TOTAL / 2, CONCURRENCY);
  const ratios: number[] = [];
  const bareRates: number[] = [];
  const emuRates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const pair = async (first: string, second: string) => [
      await client.rate(first, session.auth, TOTAL, CONCURRENCY),
      await client.rate(second, session.auth, TOTAL, CONCURRENCY),
    ];
    const [b = 0, e = 0] =
      round % 2 === 0 ? await pair(bareUrl, meUrl) : (await pair(meUrl, bareUrl)).reverse();
    bareRates.push(b);
    emuRates.push(e);
    ratios.push(e / b);
  }
  const r = summary(ratios);
  const b = summary(bareRates);
  const e = summary(emuRates);
  console.log(
    `simple GETs (GET me, ${CONCURRENCY} concurrent, ${ROUNDS} interleaved rounds of ${TOTAL}): ` +
      `emulator/bare ${r.median.toFixed(2)}x (range ${r.min.toFixed(2)}-${r.max.toFixed(2)}); ` +
      `bare ${b.median.toFixed(0)}/s, emulator ${e.median.toFixed(0)}/s (medians)`,
  );
  client.close();
  await Promise.all([emulator.stop(), bare.stop()]);
  return r.median >= 0.6 && e.median >= 2000;
}

/** Signs `count` users in, `CONCURRENCY` at a time; returns their sessions and the time. */
async function signInAll(client: ReturnType<typeof httpClient>, url: string, count: number) {
  const sessions: Awaited<ReturnType<typeof client.signIn>>[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      sessions[i] = await client.signIn(url, `user${i}`, `ep${i}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { sessions, ms: performance.now() - started };
}

async function signInScaling(): Promise<boolean> {
  const perUser: number[] = [];
  for (const count of [1000, 5000, 10_000]) {
    const client = httpClient(64);
    const server = await start(['emulator', String(count)]);
    const { ms } = await signInAll(client, server.url, count);
    perUser.push((ms * 1000) / count);
    console.log(
      `sign-in of ${count} users (token + application, ${CONCURRENCY} at a time): ${(ms / 1000).toFixed(2)} s, ${((ms * 1000) / count).toFixed(0)} µs per user`,
    );
    client.close();
    await server.stop();
  }
  const growth = (perUser[2] ?? 0) / (perUser[0] ?? 1);
  console.log(`time per user, 10k vs 1k users: ${growth.toFixed(2)}x (1.00 = linear)`);
  return growth < 2;
}

async function pgets(): Promise<boolean> {
  const client = httpClient(P_GETS + 100);
  const server = await start(['emulator', String(P_GETS)]);
  const { sessions } = await signInAll(client, server.url, P_GETS);
  const started = performance.now();
  const pending = sessions.map((s) => client.call(`${server.url}${s.events}`, 'GET', s.auth));
  let held = 0;
  for (let i = 0; i < 600 && held < P_GETS; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    held = await server.ask<number>({ type: 'held' }, 'held');
  }
  const openMs = performance.now() - started;
  const heapMb = await server.ask<number>({ type: 'heap' }, 'heap');
  await server.ask({ type: 'release' }, 'released');
  const answers = await Promise.all(pending);
  const ok = answers.filter((a) => a.status === 200 && a.body.includes('"updated"')).length;
  console.log(
    `held P-GETs: ${held} of ${P_GETS} held at once (all open after ${openMs.toFixed(0)} ms), ${ok}/${P_GETS} answered with their event, server heap ${heapMb.toFixed(0)} MB`,
  );
  client.close();
  await server.stop();
  return held >= P_GETS && ok === P_GETS;
}

const only = values.only;
const results: boolean[] = [];
if (only === undefined || only === 'gets') results.push(await gets());
if (only === undefined || only === 'signin') results.push(await signInScaling());
if (only === undefined || only === 'pgets') results.push(await pgets());
if (results.some((ok) => !ok)) process.exitCode = 1;
