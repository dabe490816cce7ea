import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/server.ts';

// Simple GETs against a bare node:http server (baseline) and the emulator's GET me, 32
// at a time per iteration, so vitest prints the two as a ratio. bench/load.ts adds the
// 1,000 concurrent P-GETs check and absolute numbers.
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
let baseline: Server;
let baseUrl = '';
let emulator: RunningEmulator;
let meUrl = '';
let auth: Record<string, string> = {};

function call(
  url: string,
  method = 'GET',
  headers: Record<string, string> = {},
  body?: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        text += c;
      });
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const burst = (url: string, headers: Record<string, string>) =>
  Promise.all(Array.from({ length: 32 }, () => call(url, 'GET', headers)));

beforeAll(async () => {
  baseline = createServer((_q, r) => r.end('hello'));
  await new Promise<void>((resolve) => baseline.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(baseline.address() as AddressInfo).port}/`;
  emulator = await startEmulator();
  const tok = JSON.parse(
    await call(
      `${emulator.url}/WebTicket/oauthtoken`,
      'POST',
      { 'Content-Type': 'application/x-www-form-urlencoded' },
      'grant_type=password&username=alice&password=demo',
    ),
  ) as { access_token: string };
  auth = { Authorization: `Bearer ${tok.access_token}`, Accept: 'application/json' };
  const app = JSON.parse(
    await call(
      `${emulator.url}/ucwa/oauth/v1/applications`,
      'POST',
      { ...auth, 'Content-Type': 'application/json' },
      '{"UserAgent":"bench","EndpointId":"b"}',
    ),
  ) as { _links: { self: { href: string } } };
  meUrl = `${emulator.url}${app._links.self.href}/me`;
});

afterAll(async () => {
  agent.destroy();
  await emulator.close();
  await new Promise<void>((resolve) => baseline.close(() => resolve()));
});

describe('simple GETs over loopback', () => {
  test('32 concurrent GETs per iteration', async ({ bench }) => {
    await bench.compare(
      bench('baseline: bare node:http hello', async () => {
        await burst(baseUrl, {});
      }),
      bench('emulator: GET me (JSON)', async () => {
        await burst(meUrl, auth);
      }),
    );
  });
});
