import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RetryOptions } from '../src/index.ts';
import {
  fail,
  fakeTransport,
  type Handler,
  ok,
  recordingTimers,
  resource,
} from './helpers/fake-server.ts';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A transport with no call timeout, so the recorded timer waits are the retry waits only. */
function setup(handler: Handler, retry: RetryOptions = {}, random = 0.5) {
  const timers = recordingTimers();
  const { fetch, transport } = fakeTransport(handler, {
    timers,
    timeout: false,
    random: () => random,
    retry,
  });
  return { fetch, timers, transport };
}

/** Answers with `statuses` in turn, then 200. */
function sequence(...answers: (number | (() => Response))[]): Handler {
  return (_request, index) => {
    const answer = answers[index];
    if (answer === undefined) return ok(resource('x', '/ucwa/x'));
    return typeof answer === 'number' ? fail(answer, { code: 'ServiceFailure' }) : answer();
  };
}

async function settle(promise: Promise<unknown>): Promise<{ value?: unknown; error?: unknown }> {
  const outcome = promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await vi.runAllTimersAsync();
  return outcome;
}

describe('retry rules', () => {
  it('waits exactly base × 2^(n−1) × (1 − jitter × random) between attempts', async () => {
    const { fetch, timers, transport } = setup(sequence(503, 503));
    const pending = transport.get('/ucwa/x');
    await vi.advanceTimersByTimeAsync(374);
    expect(fetch.seen).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch.seen).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(749);
    expect(fetch.seen).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toMatchObject({ rel: 'x' });
    expect(fetch.seen).toHaveLength(3);
    expect(timers.waits).toEqual([375, 750]);
  });

  it.each([
    { random: 0, waits: [500, 1000, 2000] },
    { random: 0.9999, waits: [250, 500, 1000] },
  ])('jitter with random() = $random gives $waits', async ({ random, waits }) => {
    const { timers, transport } = setup(sequence(502, 502, 502), { limit: 3 }, random);
    await settle(transport.get('/ucwa/x'));
    expect(timers.waits).toEqual(waits);
  });

  it('caps the backoff at maxDelay', async () => {
    const { timers, transport } = setup(
      sequence(503, 503, 503),
      { limit: 3, baseDelay: 1000, maxDelay: 1500 },
      0,
    );
    await settle(transport.get('/ucwa/x'));
    expect(timers.waits).toEqual([1000, 1500, 1500]);
  });

  const retried = ['GET', 'PUT', 'DELETE'].flatMap((method) =>
    [502, 503, 504, 429].map((status) => ({ method, status })),
  );
  it.each(retried)('$method is retried on $status', async ({ method, status }) => {
    const { fetch, timers, transport } = setup(sequence(status));
    const call =
      method === 'GET'
        ? transport.get('/ucwa/x')
        : method === 'PUT'
          ? transport.put({ ...resource('x', '/ucwa/x'), etag: '"1"' }, {})
          : transport.delete('/ucwa/x');
    const { error } = await settle(call);
    expect(error).toBeUndefined();
    expect(fetch.seen.map((s) => s.method)).toEqual([method, method]);
    expect(timers.waits).toEqual([375]);
  });

  const notRetried = [
    ...[403, 404, 409, 410, 412, 400, 500].map((status) => ({ method: 'GET', status })),
    ...[502, 503, 504, 429].map((status) => ({ method: 'POST', status })),
  ];
  it.each(notRetried)('$method is not retried on $status', async ({ method, status }) => {
    const { fetch, timers, transport } = setup(sequence(status));
    const call =
      method === 'GET' ? transport.get('/ucwa/x') : transport.post('/ucwa/x', { properties: {} });
    const { error } = await settle(call);
    expect(error).toMatchObject({ name: 'UcwaHttpError', status });
    expect(fetch.seen).toHaveLength(1);
    expect(timers.waits).toEqual([]);
  });

  it('retries a GET after a network error, never a POST', async () => {
    let failures = 0;
    const flaky: Handler = () => {
      if (failures++ === 0) throw new TypeError('fetch failed');
      return ok(resource('x', '/ucwa/x'));
    };
    const get = setup(flaky);
    await expect(settle(get.transport.get('/ucwa/x'))).resolves.toMatchObject({
      value: { rel: 'x' },
    });
    expect(get.fetch.seen).toHaveLength(2);
    expect(get.timers.waits.filter((ms) => ms > 0)).toEqual([375]);

    failures = 0;
    const post = setup(flaky);
    const { error } = await settle(post.transport.post('/ucwa/x'));
    expect(error).toMatchObject({ name: 'UcwaNetworkError' });
    expect(post.fetch.seen).toHaveLength(1);
  });

  it('gives up after `limit` retries with the last error', async () => {
    const { fetch, transport } = setup(sequence(503, 503, 503, 503));
    const { error } = await settle(transport.get('/ucwa/x'));
    expect(error).toMatchObject({ name: 'UcwaHttpError', status: 503 });
    expect(fetch.seen).toHaveLength(3);
  });

  it('stops retrying when the session’s budget is spent, and refills it on success', async () => {
    const { fetch, transport } = setup(() => fail(503), { budget: 2, budgetRefill: 1 });
    await settle(transport.get('/ucwa/a'));
    expect(fetch.seen).toHaveLength(3);
    await settle(transport.get('/ucwa/b'));
    expect(fetch.seen).toHaveLength(4);
  });
});

describe('Retry-After', () => {
  it.each([
    { name: 'seconds on 429', status: 429, value: '7', wait: 7000 },
    {
      name: 'an HTTP date on 503',
      status: 503,
      value: new Date(NOW + 12_000).toUTCString(),
      wait: 12_000,
    },
    {
      name: 'a date in the past on 503',
      status: 503,
      value: new Date(NOW - 5_000).toUTCString(),
      wait: 0,
    },
    { name: 'seconds capped at 60 s', status: 429, value: '600', wait: 60_000 },
    {
      name: 'a date capped at maxRetryAfter',
      status: 503,
      value: new Date(NOW + 3_600_000).toUTCString(),
      wait: 60_000,
    },
    { name: 'ignored on 502 (backoff)', status: 502, value: '9', wait: 375 },
    { name: 'unreadable (backoff)', status: 503, value: 'soon', wait: 375 },
  ])('$name', async ({ status, value, wait }) => {
    const { fetch, timers, transport } = setup(
      sequence(() => fail(status, { code: 'ServiceFailure' }, { 'retry-after': value })),
    );
    const pending = transport.get('/ucwa/x');
    if (wait > 0) {
      await vi.advanceTimersByTimeAsync(wait - 1);
      expect(fetch.seen).toHaveLength(1);
    }
    await vi.advanceTimersByTimeAsync(1);
    await vi.runAllTimersAsync();
    await expect(pending).resolves.toMatchObject({ rel: 'x' });
    expect(timers.waits).toEqual([wait]);
  });
});
