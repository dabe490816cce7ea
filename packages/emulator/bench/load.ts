// Load check for the emulator, loopback only, bounded, stops by itself:
//   node --conditions=@ucwa/source packages/emulator/bench/load.ts
// 1. Simple GETs per second: a bare node:http "hello" server (baseline) vs the emulator's
//    GET me, same client, same concurrency; printed as absolute numbers and a ratio.
// 2. Concurrent P-GETs: opens 1,000 applications' event channels and holds them all,
//    then releases them with one event each and checks every one answered.
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createManualClock } from '../src/core/clock.ts';
import { defaultFeatures } from '../src/features/defaults.ts';
import type { FeatureHost } from '../src/features/feature.ts';
import { startEmulator } from '../src/server.ts';

const agent = new Agent({ keepAlive: true, maxSockets: 2000 });

function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function post(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Requests per second over `total` GETs, `concurrency` at a time. */
async function rate(
  url: string,
  headers: Record<string, string>,
  total: number,
  concurrency: number,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < total) {
      next += 1;
      const res = await get(url, headers);
      if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return total / ((performance.now() - started) / 1000);
}

async function signIn(
  base: string,
  user: string,
  endpoint: string,
): Promise<{ auth: Record<string, string>; app: string; events: string }> {
  const tok = await post(
    `${base}/WebTicket/oauthtoken`,
    `grant_type=password&username=${user}&password=demo`,
    {
      'Content-Type': 'application/x-www-form-urlencoded',
    },
  );
  const auth = {
    Authorization: `Bearer ${(JSON.parse(tok.body) as { access_token: string }).access_token}`,
    Accept: 'application/json',
  };
  const created = await post(
    `${base}/ucwa/oauth/v1/applications`,
    JSON.stringify({ UserAgent: 'bench', EndpointId: endpoint, Culture: 'en-US' }),
    {
      ...auth,
      'Content-Type': 'application/json',
    },
  );
  const app = JSON.parse(created.body) as {
    _links: { self: { href: string }; events: { href: string } };
  };
  return { auth, app: app._links.self.href, events: app._links.events.href };
}

async function main(): Promise<void> {
  const TOTAL = 6000;
  const CONCURRENCY = 32;
  const P_GETS = 1000;
  const baseline = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('hello');
  });
  await new Promise<void>((resolve) => baseline.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(baseline.address() as AddressInfo).port}/`;
  const users = Array.from({ length: 1000 }, (_, i) => ({
    address: `user${i}@contoso.com`,
    password: 'demo',
    name: `User ${i}`,
    contacts: [],
  }));
  // A manual clock: every held P-GET waits on one of its timers, so pending() counts them.
  const clock = createManualClock(Date.now());
  let host: FeatureHost | undefined;
  const probe = (h: FeatureHost) => {
    host = h;
    return { name: 'probe', routes: [] };
  };
  const server = await startEmulator({
    users,
    clock,
    seed: 1,
    maxApplicationsPerUser: 10,
    features: [...defaultFeatures, probe],
  });
  try {
    const s = await signIn(server.url, 'user0', 'rate');
    await rate(baseUrl, {}, 500, CONCURRENCY); // warm-up
    await rate(`${server.url}${s.app}/me`, s.auth, 500, CONCURRENCY);
    const bare = await rate(baseUrl, {}, TOTAL, CONCURRENCY);
    const emu = await rate(`${server.url}${s.app}/me`, s.auth, TOTAL, CONCURRENCY);
    console.log(
      `simple GETs: baseline ${bare.toFixed(0)}/s, emulator GET me ${emu.toFixed(0)}/s, ratio ${(emu / bare).toFixed(2)}`,
    );

    const sessions = [];
    for (let i = 0; i < P_GETS; i++) sessions.push(await signIn(server.url, `user${i}`, 'pget'));
    const started = performance.now();
    const pending = sessions.map((x) => get(`${server.url}${x.events}`, x.auth));
    const held = (): number => clock.pending();
    // Wait (at most 10 s) until every P-GET has reached the server.
    for (let i = 0; i < 100 && held() < P_GETS; i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const waiting = held();
    const holdMs = performance.now() - started;
    const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
    const apps = users.flatMap((u) => host?.applications.ofUser(u.address) ?? []);
    for (const app of apps) {
      host?.events.toApplication(app, {
        sender: { rel: 'me', href: app.href('me') },
        type: 'updated',
        link: { rel: 'me', href: app.href('me') },
        priority: 'High',
      });
    }
    const answers = await Promise.all(pending);
    const ok = answers.filter((a) => a.status === 200 && a.body.includes('"updated"')).length;
    console.log(
      `concurrent P-GETs: ${waiting} held at once (all open after ${holdMs.toFixed(0)} ms), ${ok}/${P_GETS} answered with their event, total ${(performance.now() - started).toFixed(0)} ms, heap ${heapMb.toFixed(0)} MB`,
    );
    if (waiting < P_GETS || ok < P_GETS || emu < 2000) process.exitCode = 1;
  } finally {
    agent.destroy();
    await server.close();
    await new Promise<void>((resolve) => baseline.close(() => resolve()));
  }
}

await main();
