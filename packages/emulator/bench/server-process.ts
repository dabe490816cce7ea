// A server for bench/load.ts, in a process of its own (so client and server do not share
// an event loop). Forked with IPC: `bare <file>` answers every request with the status,
// headers and body recorded in <file>; `emulator <users>` runs the emulator with that
// many users. It sends {port} once listening, and answers {held} and {release} messages.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../src/core/clock.ts';
import { systemClock } from '../src/core/clock.ts';
import { defaultFeatures } from '../src/features/defaults.ts';
import type { FeatureHost } from '../src/features/feature.ts';
import { startEmulator } from '../src/server.ts';

type Message = { type: 'held' | 'heap' | 'release' | 'stop' };
const send = (value: unknown): void => {
  process.send?.(value);
};

async function bare(file: string): Promise<void> {
  const recorded = JSON.parse(readFileSync(file, 'utf8')) as {
    status: number;
    headers: Record<string, string>;
    body: string;
  };
  const body = Buffer.from(recorded.body, 'utf8');
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(recorded.status, recorded.headers);
    res.end(body);
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  send({ port: (server.address() as AddressInfo).port });
  process.on('message', (m: Message) => {
    if (m.type === 'stop') server.close(() => process.exit(0));
  });
}

/** The system clock, counting the timers set and not yet run or cancelled. */
function countingClock(): { clock: Clock; active: () => number } {
  const base = systemClock();
  let active = 0;
  const clock: Clock = {
    now: base.now,
    setTimeout(fn, ms) {
      active += 1;
      let done = false;
      const finish = () => {
        if (!done) active -= 1;
        done = true;
      };
      const handle = base.setTimeout(() => {
        finish();
        fn();
      }, ms);
      return {
        cancel: () => {
          finish();
          handle.cancel();
        },
      };
    },
  };
  return { clock, active: () => active };
}

async function emulator(count: number): Promise<void> {
  const users = Array.from({ length: count }, (_, i) => ({
    address: `user${i}@contoso.com`,
    password: 'demo',
    name: `User ${i}`,
    contacts: [],
  }));
  let host: FeatureHost | undefined;
  const probe = (h: FeatureHost) => {
    host = h;
    return { name: 'probe', routes: [] };
  };
  const { clock, active } = countingClock();
  const server = await startEmulator({
    users,
    clock,
    seed: 1,
    maxConnections: 20_000,
    features: [...defaultFeatures, probe],
  });
  send({ port: Number(new URL(server.url).port) });
  process.on('message', (m: Message) => {
    if (m.type === 'held') send({ held: active() });
    if (m.type === 'heap') send({ heap: process.memoryUsage().heapUsed / 1024 / 1024 });
    if (m.type === 'release') {
      for (const user of users) {
        for (const app of host?.applications.ofUser(user.address) ?? []) {
          host?.events.toApplication(app, {
            sender: { rel: 'me', href: app.href('me') },
            type: 'updated',
            link: { rel: 'me', href: app.href('me') },
            priority: 'High',
          });
        }
      }
      send({ released: true });
    }
    if (m.type === 'stop') void server.close().then(() => process.exit(0));
  });
}

const [mode, arg = ''] = process.argv.slice(2);
if (mode === 'bare') await bare(arg);
else await emulator(Number(arg));
