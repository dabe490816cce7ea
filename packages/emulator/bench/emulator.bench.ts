import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/server.ts';

// Simple GETs against a bare node:http server answering the very bytes of the emulator's
// GET me (baseline) and the emulator's GET me, 32 at a time per iteration, both in this
// process, so vitest prints the two as a ratio. bench/load.ts runs each server in its own
// process, with interleaved rounds, sign-in scaling and 10,000 held P-GETs.
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
  emulator = await startEmulator({ seed: 1 });
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
  const recorded = await new Promise<{
    status: number;
    headers: Record<string, string>;
    body: Buffer;
  }>((resolve, reject) => {
    request(meUrl, { agent, headers: auth }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const keep = ['content-type', 'etag', 'cache-control', 'vary', 'x-ms-ucwaversion'];
        const headers = Object.fromEntries(
          keep.flatMap((k) => (typeof res.headers[k] === 'string' ? [[k, res.headers[k]]] : [])),
        );
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
      });
    })
      .on('error', reject)
      .end();
  });
  baseline = createServer((_q, r) => {
    r.writeHead(recorded.status, recorded.headers);
    r.end(recorded.body);
  });
  await new Promise<void>((resolve) => baseline.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(baseline.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  agent.destroy();
  await emulator.close();
  await new Promise<void>((resolve) => baseline.close(() => resolve()));
});

describe('simple GETs over loopback', () => {
  test('32 concurrent GETs per iteration', async ({ bench }) => {
    await bench.compare(
      bench('baseline: bare node:http, the same bytes', async () => {
        await burst(baseUrl, {});
      }),
      bench('emulator: GET me (JSON)', async () => {
        await burst(meUrl, auth);
      }),
    );
  });
});
