// Heap per idle event channel: USERS × APPS (at most 90) applications on the emulator (in its own
// process), each with a P-GET held by the server, measured in this process after forced
// collections. Contenders, one per process run:
//   channel:   createEventChannel on the transport's getEvents (what @ucwa/events adds);
//   transport: a bare loop on transport.getEvents (the least that holds a P-GET).
// The transports (one per user) and the applications exist before the baseline heap is
// read, so what is counted is the channel and its pending request.
//   node --expose-gc --conditions=@ucwa/source packages/events/bench/idle-measure.ts channel 63 80
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findLink } from '@ucwa/model';
import { createTransport, type Transport } from '@ucwa/transport';
import { createEventChannel, type EventChannel } from '../src/index.ts';

const contender = process.argv[2] ?? 'channel';
const USERS = Number(process.argv[3] ?? 63);
const APPS = Number(process.argv[4] ?? 80);
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc');

/** Collects until heapUsed stops falling, then reads it. */
async function settledHeap(collect: () => void): Promise<number> {
  let last = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 10; i += 1) {
    collect();
    await new Promise((resolve) => setImmediate(resolve));
    const now = process.memoryUsage().heapUsed;
    if (now >= last - 1024) return now;
    last = now;
  }
  return last;
}

const href = (resource: Parameters<typeof findLink>[0], rel: string): string => {
  const link = findLink(resource, rel);
  if (link === undefined) throw new Error(`${resource.rel} has no "${rel}" link`);
  return link.href;
};

async function signInUser(
  url: string,
  i: number,
): Promise<{ transport: Transport; hrefs: string[] }> {
  const transport = createTransport({
    origin: url,
    format: 'json',
    auth: { username: `user${i}@contoso.com`, password: 'pw' },
    // One transport holds this user's P-GETs and its calls.
    limit: 100,
  });
  const root = await transport.get('/', { auth: false });
  const applications = href(await transport.get(href(root, 'user')), 'applications');
  const hrefs: string[] = [];
  for (let a = 0; a < APPS; a += 1) {
    const created = await transport.post(applications, {
      properties: { userAgent: 'bench', endpointId: `endpoint-${i}-${a}`, culture: 'en-US' },
    });
    const application = created.resource ?? (await transport.get(created.location ?? ''));
    hrefs.push(href(application, 'events'));
  }
  return { transport, hrefs };
}

const child = fork(
  fileURLToPath(new URL('./emulator-process.ts', import.meta.url)),
  [String(USERS), String(APPS)],
  { execArgv: ['--conditions=@ucwa/source'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
);
try {
  const url = await new Promise<string>((resolve) =>
    child.once('message', (m: { url: string }) => resolve(m.url)),
  );
  const users = await Promise.all(Array.from({ length: USERS }, (_, i) => signInUser(url, i)));
  const stop = new AbortController();
  const before = await settledHeap(gc);
  const channels: EventChannel[] = [];
  for (const { transport, hrefs } of users) {
    for (const eventsHref of hrefs) {
      if (contender === 'channel') {
        const channel = createEventChannel({
          href: eventsHref,
          fetchEvents: (next, o) => transport.getEvents(next, o),
        });
        channel.on({}, () => undefined);
        channel.start();
        channels.push(channel);
      } else {
        void (async () => {
          let next = eventsHref;
          while (!stop.signal.aborted) {
            const batch = await transport.getEvents(next, {
              signal: stop.signal,
              timeout: 210_000,
            });
            next = batch.next ?? batch.resume ?? batch.resync ?? next;
          }
        })().catch(() => undefined);
      }
    }
  }
  // Every P-GET is out once one ordinary call per user has come back after them.
  await Promise.all(users.map(({ transport }) => transport.get('/', { auth: false })));
  const after = await settledHeap(gc);
  const count = USERS * APPS;
  console.log(JSON.stringify({ contender, count, bytesPer: (after - before) / count }));
  stop.abort();
  await Promise.all(channels.map((c) => c.stop()));
} finally {
  child.disconnect();
}
