import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { client, inProcess } from './in-process.ts';

// Untrusted input, generated: whatever the target, headers and body, the emulator answers
// with a status below 500 and never quotes an internal exception.

const segment = fc.oneof(
  fc.constantFrom('me', 'events', 'batch', 'people', 'communication', '..', '.', '', '%2e%2e'),
  fc.string({ maxLength: 12 }),
);
const header = fc.constantFrom(
  'Accept',
  'Content-Type',
  'X-MS-RequiresMinResourceVersion',
  'If-Match',
  'Origin',
);
const value = fc.oneof(
  fc.constantFrom(
    'application/json',
    'application/vnd.microsoft.com.ucwa+xml',
    'application/json; charset=x-nope',
    'multipart/batching; boundary=b',
    '*/*;q=0',
    'Infinity',
    '1e400',
  ),
  fc.string({ maxLength: 40 }).filter((s) => !/[\r\n\0]/.test(s) && /^[\x20-\x7e]*$/.test(s)),
);
const body = fc.oneof(
  fc.constant(''),
  fc.constantFrom(
    '{"SupportedModalities":["Messaging"]}',
    '<input/>',
    '{',
    '--b\r\n\r\nGET / HTTP/1.1\r\n\r\n--b--',
  ),
  fc.string({ maxLength: 80 }),
);

describe('hostile input', () => {
  it('never answers 5xx or internal error text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
        fc.array(segment, { maxLength: 5 }),
        fc.array(fc.tuple(header, value), { maxLength: 3 }),
        body,
        async (method, segments, headers, text) => {
          // A fresh application each run: a generated request may well delete it.
          const e = inProcess();
          const c = await client(e, 'alice');
          const target = `${c.app}/${segments.map(encodeURIComponent).join('/')}`;
          const init: RequestInit = {
            method,
            headers: { ...c.auth, ...Object.fromEntries(headers) },
            ...(method === 'GET' || method === 'DELETE' ? {} : { body: text }),
          };
          let settled = false;
          const pending = e.fetch(target, init).finally(() => {
            settled = true;
          });
          // A generated P-GET waits on the manual clock: wait until it does, then time it out.
          while (!settled && e.clock.pending() === 0)
            await new Promise((resolve) => setImmediate(resolve));
          if (!settled) e.clock.advance(1_800_000);
          const res = await pending;
          const answer = await res.text();
          expect(res.status).toBeLessThan(500);
          expect(answer).not.toMatch(/TypeError|SyntaxError|RangeError|at .*\.ts:\d+/);
        },
      ),
      { numRuns: 300, seed: 20261203 },
    );
  });

  it('answers every batch part, bad ones 400, never 5xx', async () => {
    const app = '/ucwa/oauth/v1/applications/APP';
    const line = fc.string({ maxLength: 30 }).filter((s) => !/[\r\n]/.test(s));
    const part = fc.tuple(
      fc.constantFrom('GET', 'POST', 'DELETE'),
      fc.oneof(
        fc.array(segment, { maxLength: 4 }).map((s) => `${app}/${s.join('/')}`),
        line,
      ),
      fc.array(fc.tuple(line, line), { maxLength: 2 }),
    );
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(part, { minLength: 1, maxLength: 4 }), async (parts) => {
        // A fresh application each run: a generated part may well delete it.
        const e = inProcess();
        const c = await client(e, 'alice');
        const text = parts
          .map(
            ([method, target, headers]) =>
              `--b\r\nContent-Type: application/http; msgtype=request\r\n\r\n${method} ${target.replace(app, c.app).replace(/\s/g, '') || '/'} HTTP/1.1\r\n${headers.map(([n, v]) => `${n}:${v}`).join('\r\n')}\r\n\r\n`,
          )
          .join('');
        const res = await e.fetch(`${c.app}/batch`, {
          method: 'POST',
          headers: { ...c.auth, 'Content-Type': 'multipart/batching; boundary=b' },
          body: `${text}--b--\r\n`,
        });
        const answer = await res.text();
        expect(res.status).toBeLessThan(500);
        expect(answer).not.toMatch(/TypeError|SyntaxError|RangeError/);
        if (res.status === 200) {
          answered += 1;
          const statuses = [...answer.matchAll(/HTTP\/1\.1 (\d+)/g)].map((m) => Number(m[1]));
          expect(statuses).toHaveLength(parts.length);
          expect(statuses.every((s) => s < 500)).toBe(true);
        }
      }),
      { numRuns: 200, seed: 20261203 },
    );
    // Most generated batches are well-formed enough to be run part by part.
    expect(answered).toBeGreaterThan(100);
  });
});
