// Heap per signed-in session, idling on its event channel:
//   node --expose-gc --conditions=@ucwa/source packages/client/bench/sessions-heap.ts [count]
// The emulator runs in a child process, so only the client's heap is measured. Two
// contenders, each in a fresh process of its own (each pays for its sockets), N users:
//   bare:    createTransport, root → user → POST applications, one pending getEvents
//            re-issued when answered (the least a client can hold per user);
//   session: signIn() of @ucwa/client (store, event channel, supervision).
// Prints KiB per user for both and their ratio; exits 1 above 64 KiB per session.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findLink } from '@ucwa/model';
import { createTransport, type Transport } from '@ucwa/transport';
import { type Session, signIn } from '../src/index.ts';

const count = Number(process.argv[2] ?? 1000);
const TARGET_KIB = 64;
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc');
const heap = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

async function startServer(
  users: number,
): Promise<{ url: string; child: ChildProcess; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'ucwa-heap-'));
  const file = join(dir, 'users.json');
  const list = Array.from({ length: users }, (_, i) => ({
    address: `u${i}@contoso.com`,
    password: 'pw',
    name: `U${i}`,
  }));
  writeFileSync(file, JSON.stringify({ users: list }));
  const cli = join(dirname(fileURLToPath(import.meta.url)), '../../emulator/src/cli.ts');
  const child = spawn(
    process.execPath,
    ['--conditions=@ucwa/source', cli, '--port', '0', '--users', file],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
    child.stdout?.once('data', (line: Buffer) => {
      const found = /listening on (\S+?);/.exec(String(line));
      if (found?.[1] === undefined) reject(new Error(`unexpected: ${String(line)}`));
      else resolve(found[1]);
    });
  });
  return { url, child, dir };
}

/** Runs `open` for `n` users, `width` at a time. */
async function openAll<T>(width: number, open: (i: number) => Promise<T>, n = count): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < n) {
      const i = next++;
      out[i] = await open(i);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return out;
}

async function bare(url: string, i: number, stop: AbortSignal): Promise<Transport> {
  const transport = createTransport({
    origin: url,
    format: 'json',
    auth: { username: `u${i}@contoso.com`, password: 'pw' },
  });
  const root = await transport.get(`${url}/`, { auth: false });
  const user = await transport.get(findLink(root, 'user')?.href ?? '');
  const created = await transport.post(findLink(user, 'applications')?.href ?? '', {
    properties: { userAgent: 'bench-bare', endpointId: `e${i}`, culture: 'en-US' },
  });
  const application = created.resource ?? (await transport.get(created.location ?? ''));
  let href = findLink(application, 'events')?.href ?? '';
  const loop = async (): Promise<void> => {
    while (!stop.aborted) {
      const batch = await transport.getEvents(href, { timeout: false, signal: stop });
      href = batch.next ?? batch.resume ?? batch.resync ?? href;
    }
  };
  void loop().catch(() => {});
  return transport;
}

function session(url: string, i: number): Promise<Session> {
  return signIn({
    discoveryUrl: `${url}/`,
    credentials: { username: `u${i}@contoso.com`, password: 'pw' },
    application: { userAgent: 'bench-session' },
  });
}

/** One contender in this process, against its own emulator: bytes of heap per user. */
async function measure(contender: 'bare' | 'session'): Promise<void> {
  const server = await startServer(count);
  try {
    // Warm-up with 20 users, so module loading and compiled code are not charged to users.
    const warm = new AbortController();
    if (contender === 'bare') await openAll(10, (i) => bare(server.url, i, warm.signal), 20);
    else
      await Promise.all(
        (await openAll(10, (i) => session(server.url, i), 20)).map((s) => s.detach()),
      );
    warm.abort();
    const before = heap();
    const stop = new AbortController();
    const held =
      contender === 'bare'
        ? await openAll(50, (i) => bare(server.url, i, stop.signal))
        : await openAll(50, (i) => session(server.url, i));
    const bytes = (heap() - before) / count;
    const ready =
      contender === 'bare'
        ? count
        : held.filter((s) => 'status' in s && s.status.state === 'ready').length;
    console.log(JSON.stringify({ contender, bytes, ready }));
    stop.abort();
    await Promise.all(held.map((s) => ('detach' in s ? s.detach() : undefined)));
  } finally {
    server.child.kill('SIGTERM');
    rmSync(server.dir, { recursive: true, force: true });
  }
}

/** Runs each contender in a fresh process (each pays for its own sockets) and compares. */
async function compare(): Promise<void> {
  const run = (contender: string) =>
    new Promise<{ bytes: number; ready: number }>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [...process.execArgv, fileURLToPath(import.meta.url), String(count), contender],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let out = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        out += String(chunk);
      });
      child.once('exit', (code) =>
        code === 0
          ? resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}'))
          : reject(new Error(`${contender} exited ${code}`)),
      );
    });
  const bareResult = await run('bare');
  const sessionResult = await run('session');
  const kib = (b: number): string => (b / 1024).toFixed(1);
  console.log(
    `users: ${count} (${sessionResult.ready} sessions ready), Node ${process.version}, ${new Date().toISOString()}`,
  );
  console.log(
    `heap per user: bare transport + P-GET ${kib(bareResult.bytes)} KiB, session ${kib(sessionResult.bytes)} KiB`,
  );
  console.log(
    `ratio session / bare: ${(sessionResult.bytes / bareResult.bytes).toFixed(2)}; target ≤ ${TARGET_KIB} KiB per session`,
  );
  if (sessionResult.ready !== count || sessionResult.bytes / 1024 > TARGET_KIB)
    process.exitCode = 1;
}

const contender = process.argv[3];
if (contender === 'bare' || contender === 'session') await measure(contender);
else await compare();
