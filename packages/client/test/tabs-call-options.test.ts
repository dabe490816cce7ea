import { getEventListeners } from 'node:events';
import type { FetchLike } from '@ucwa/transport';
import { describe, expect, it } from 'vitest';
import { isUcwaTimeoutError, joinTabs } from '../src/index.ts';
import { callOptionsOf, wireCallOptions } from '../src/tabs/wire-call-options.ts';
import { emulator } from './support/emulators.ts';
import { until } from './support/sessions.ts';
import { channelName, tabOptions } from './tabs-support.ts';

/**
 * A fetch recording each request's `X-Trace` header; a request to a path ending in `/hang`
 * waits until it is aborted.
 */
function recordingFetch() {
  const traces: (string | null)[] = [];
  const aborted: string[] = [];
  const fetch: FetchLike = (request, init) => {
    traces.push(request.headers.get('x-trace'));
    if (!new URL(request.url).pathname.endsWith('/hang')) return globalThis.fetch(request, init);
    return new Promise((_, reject) => {
      init?.signal?.addEventListener('abort', () => {
        aborted.push(request.url);
        reject(init.signal?.reason);
      });
    });
  };
  return { fetch, traces, aborted };
}

describe("a following tab's call options apply to the leader's request", () => {
  it('its timeout ends the request in the leader with UcwaTimeoutError, its headers are sent', async () => {
    const server = await emulator();
    const name = channelName();
    const net = recordingFetch();
    const leader = await joinTabs(tabOptions(server, name, 'tab-a', { fetch: net.fetch }));
    const follower = await joinTabs(tabOptions(server, name, 'tab-b', { fetch: net.fetch }));
    const transport = follower.session.transport;
    const href = follower.session.application.href;

    // The leader's default timeout is 30 s; the follower's 20 ms is the one that runs out.
    const late = await transport.get(`${href}/hang`, { timeout: 20 }).catch((e: unknown) => e);
    expect(isUcwaTimeoutError(late) && late.timeout).toBe(20);
    await until(() => net.aborted.length === 1);
    expect(net.aborted[0]).toMatch(/\/hang$/);

    const before = net.traces.length;
    const me = await transport.get(href, { headers: { 'X-Trace': 'from-tab-b' }, cache: false });
    expect(me.rel).toBe('application');
    expect(net.traces.slice(before)).toContain('from-tab-b');
    await follower.close();
    await leader.session.signOut();
    await leader.close();
  });
});

describe("a following tab's abort signal", () => {
  it('kept for many calls, holds no listener once they are answered', async () => {
    const server = await emulator();
    const name = channelName();
    const leader = await joinTabs(tabOptions(server, name, 'tab-a'));
    const follower = await joinTabs(tabOptions(server, name, 'tab-b'));
    const page = new AbortController();
    const href = follower.session.application.href;
    for (let i = 0; i < 5; i++)
      await follower.session.transport.get(href, { signal: page.signal, cache: false });
    expect(getEventListeners(page.signal, 'abort')).toHaveLength(0);
    await follower.close();
    await leader.session.signOut();
    await leader.close();
  });
});

describe('call options as they cross the channel', () => {
  it('are sent only when given, and kept by the leader only with the right types', () => {
    expect(wireCallOptions(undefined)).toBeUndefined();
    expect(wireCallOptions({ signal: new AbortController().signal })).toBeUndefined();
    expect(wireCallOptions({ timeout: false, headers: { 'X-A': '1' }, cache: true })).toEqual({
      timeout: false,
      headers: [['x-a', '1']],
      cache: true,
    });
    const signal = new AbortController().signal;
    expect(
      callOptionsOf(
        { timeout: 500, headers: [['x-a', '1']], minResourceVersion: 2, cache: false },
        signal,
      ),
    ).toEqual({
      signal,
      timeout: 500,
      headers: [['x-a', '1']],
      minResourceVersion: 2,
      cache: false,
    });
    // What another script of the origin might post instead: dropped, never thrown on.
    for (const hostile of [
      null,
      'timeout',
      { timeout: -1, headers: [['x-a']], minResourceVersion: 1.5, cache: 'yes' },
      { timeout: Number.NaN, headers: 'x-a: 1', minResourceVersion: '2' },
      { headers: [[1, 2]], timeout: '5' },
    ])
      expect(callOptionsOf(hostile, undefined)).toEqual({});
  });
});
