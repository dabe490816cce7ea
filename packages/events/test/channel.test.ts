import { describe, expect, it } from 'vitest';
import {
  type ChannelState,
  createEventChannel,
  type EventChannelOptions,
  type HandlerFailure,
} from '../src/index.ts';
import { fakeChannel } from './helpers/fake-channel.ts';
import {
  batch,
  eventsHref,
  flush,
  httpError,
  messageEvent,
  networkError,
} from './helpers/fake-server.ts';

function setup(options: Partial<EventChannelOptions> = {}) {
  const { server, timers, channel } = fakeChannel({ random: () => 0.5, ...options });
  const states: ChannelState['status'][] = [];
  channel.onSignal('state', (s) => states.push(s.status));
  const seen: string[] = [];
  channel.on({}, (event) => {
    seen.push(event.link.href.split('/').at(-1) ?? '');
  });
  return { server, timers, channel, states, seen };
}

describe('the P-GET loop', () => {
  it('sends the settings on the first P-GET only and follows next verbatim', async () => {
    const { server, channel, seen } = setup();
    channel.start();
    expect(server.calls).toHaveLength(1);
    expect(server.last().href).toBe(eventsHref(1));
    expect(server.last().options.query).toEqual({ timeout: '180', medium: '5', low: '15' });
    expect(server.last().options.timeout).toBe(210_000);
    server.last().answer(batch(1, [messageEvent(1)]));
    await flush();
    expect(server.calls).toHaveLength(2);
    expect(server.last().href).toBe(eventsHref(2));
    expect(server.last().options.query).toBeUndefined();
    server.last().answer({ ...batch(2, [messageEvent(2)]), next: '/x/events?ack=7&extra=%2F' });
    await flush();
    expect(server.last().href).toBe('/x/events?ack=7&extra=%2F');
    expect(seen).toEqual(['1', '2']);
  });

  it('issues the next P-GET before dispatching the batch it got', async () => {
    const { server, channel } = setup();
    const callsWhenHandled: number[] = [];
    channel.on({ rel: 'message' }, () => {
      callsWhenHandled.push(server.calls.length);
    });
    channel.start();
    server.last().answer(batch(1, [messageEvent(1)]));
    await flush();
    expect(callsWhenHandled).toEqual([2]);
  });

  it('dispatches in order, one event at a time, awaiting async handlers', async () => {
    const { server, channel } = setup();
    const log: string[] = [];
    let release!: () => void;
    channel.on({ rel: 'message' }, async (event) => {
      const n = event.link.href.at(-1);
      log.push(`start ${n}`);
      if (n === '1') await new Promise<void>((r) => (release = r));
      log.push(`end ${n}`);
    });
    channel.start();
    server.last().answer(batch(1, [messageEvent(1), messageEvent(2)]));
    await flush();
    // Batch 2 arrives while batch 1 is still being dispatched: it waits, unacknowledged.
    server.last().answer(batch(2, [messageEvent(3)]));
    await flush();
    expect(log).toEqual(['start 1']);
    expect(server.calls).toHaveLength(2);
    expect(channel.cursor.href).toBe(eventsHref(2));
    release();
    await flush();
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
    expect(server.calls).toHaveLength(3);
    expect(server.last().href).toBe(eventsHref(3));
  });

  it('keeps going when fetchEvents answers at once (no network in between)', async () => {
    const batches = Array.from({ length: 50 }, (_, i) => batch(i + 1, [messageEvent(i + 1)]));
    const byHref = new Map(batches.map((b) => [b.href, b]));
    const seen: number[] = [];
    let done!: () => void;
    const finished = new Promise<void>((resolve) => {
      done = resolve;
    });
    const channel = createEventChannel({
      href: eventsHref(1),
      fetchEvents: (href) => {
        const next = byHref.get(href);
        return next === undefined ? new Promise(() => {}) : Promise.resolve(next);
      },
    });
    channel.on({ rel: 'message' }, (event) => {
      seen.push(Number(event.link.href.split('/').at(-1)));
      if (seen.length === 50) done();
    });
    channel.start();
    await finished;
    await channel.stop();
    expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('goes connecting → open and reports the state', async () => {
    const { server, channel, states } = setup();
    expect(channel.state.status).toBe('connecting');
    channel.start();
    server.last().answer(batch(1));
    await flush();
    expect(channel.state.status).toBe('open');
    expect(states).toEqual(['open']);
  });
});

describe('special answers', () => {
  it('follows a lone resync, signals it, and does not resend the settings', async () => {
    const { server, channel } = setup();
    const resyncs: string[] = [];
    channel.onSignal('resync', (s) => resyncs.push(s.href));
    channel.start();
    server.last().answer(batch(1));
    await flush();
    server.last().answer({ href: eventsHref(2), resync: eventsHref(1), senders: [] });
    await flush();
    expect(resyncs).toEqual([eventsHref(1)]);
    expect(server.last().href).toBe(eventsHref(1));
    expect(server.last().options.query).toBeUndefined();
  });

  it('follows resume, resends the settings and signals resumed before its events', async () => {
    const { server, channel } = setup({ settings: { timeout: 900, medium: 30, low: 600 } });
    const log: string[] = [];
    channel.onSignal('resumed', () => log.push('resumed'));
    channel.on({}, (e) => {
      log.push(e.link.rel);
    });
    channel.start();
    server.last().answer(batch(1));
    await flush();
    server.last().answer(batch(2, [messageEvent(1)], 'resume'));
    await flush();
    expect(log).toEqual(['resumed', 'message']);
    expect(server.last().href).toBe(eventsHref(3));
    expect(server.last().options.query).toEqual({ timeout: '900', medium: '30', low: '600' });
  });

  it('stops with a typed error on an answer with no link to follow', async () => {
    const { server, channel } = setup();
    channel.start();
    server.last().answer({ href: eventsHref(1), senders: [] });
    const reason = await channel.stopped;
    expect(reason.kind).toBe('failed');
    expect(reason.kind === 'failed' && (reason.error as Error).name).toBe(
      'UcwaChannelProtocolError',
    );
  });
});

describe('failures', () => {
  it.each([
    [httpError(404, 'ApplicationNotFound'), 'applicationLost'],
    [httpError(410), 'applicationLost'],
    [httpError(409, 'PGetReplaced'), 'replaced'],
    [Object.assign(new Error('refused'), { name: 'UcwaAuthError' }), 'authFailed'],
    [httpError(403), 'authFailed'],
    [httpError(400, 'ParameterValidationFailure'), 'failed'],
  ])('%s stops the channel (%s)', async (error, kind) => {
    const { server, channel, states } = setup();
    const signals: string[] = [];
    channel.onSignal('replaced', () => signals.push('replaced'));
    channel.onSignal('applicationLost', () => signals.push('applicationLost'));
    channel.start();
    server.last().fail(error);
    const reason = await channel.stopped;
    expect(reason.kind).toBe(kind);
    expect(states.at(-1)).toBe('stopped');
    expect(server.open()).toHaveLength(0);
    expect(signals).toEqual(kind === 'replaced' || kind === 'applicationLost' ? [kind] : []);
  });

  it('retries the same href with capped, jittered exponential backoff', async () => {
    const { server, channel, timers, states } = setup({
      backoff: { baseDelay: 1000, maxDelay: 8000, jitter: 0.5 },
    });
    channel.start();
    server.last().answer(batch(1));
    await flush();
    const delays: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      server.last().fail(i % 2 === 0 ? networkError() : httpError(503));
      await flush();
      const delay = timers.nextDelay();
      delays.push(delay ?? -1);
      timers.advance(delay ?? 0);
      expect(server.last().href).toBe(eventsHref(2));
    }
    // random() = 0.5 and jitter 0.5: each delay is 3/4 of 1, 2, 4, 8, 8, 8 seconds.
    expect(delays).toEqual([750, 1500, 3000, 6000, 6000, 6000]);
    expect(server.calls).toHaveLength(8);
    server.last().answer(batch(2));
    await flush();
    expect(states).toEqual(['open', ...Array(6).fill('backingOff'), 'open']);
    // The count starts over after a success.
    server.last().fail(networkError());
    await flush();
    expect(timers.nextDelay()).toBe(750);
  });

  it('waits at least the Retry-After the server asked for', async () => {
    const { server, channel, timers } = setup();
    channel.start();
    server.last().fail(httpError(503, undefined, '120'));
    await flush();
    expect(timers.nextDelay()).toBe(120_000);
    expect(channel.state).toMatchObject({ status: 'backingOff', attempt: 1, delay: 120_000 });
  });

  it('aborts and re-issues a P-GET that outlives its timeout plus the margin', async () => {
    const { server, channel, timers } = setup({ watchdogMargin: 20_000 });
    channel.start();
    const first = server.last();
    timers.advance(199_999);
    expect(first.aborted).toBe(false);
    timers.advance(1);
    expect(first.aborted).toBe(true);
    await flush();
    timers.advance(timers.nextDelay() ?? 0);
    expect(server.calls).toHaveLength(2);
    expect(server.last().href).toBe(eventsHref(1));
    expect(server.last().options.query).toEqual({ timeout: '180', medium: '5', low: '15' });
  });

  it('ignores the 409 of a P-GET it replaced itself after a settings change', async () => {
    const { server, channel } = setup();
    channel.start();
    server.last().answer(batch(1));
    await flush();
    const pending = server.last();
    channel.configure({ medium: 60, low: 1 });
    expect(server.calls).toHaveLength(3);
    expect(server.last().href).toBe(eventsHref(2));
    expect(server.last().options.query).toEqual({
      timeout: '180',
      medium: '60',
      low: '5',
      priority: '1',
    });
    pending.fail(httpError(409, 'PGetReplaced'));
    await flush();
    expect(channel.state.status).toBe('open');
    server.last().answer(batch(2));
    await flush();
    expect(server.last().href).toBe(eventsHref(3));
    expect(server.last().options.query).toBeUndefined();
  });

  it('never dispatches the answer of a replaced P-GET twice', async () => {
    const { server, channel, seen } = setup();
    channel.start();
    const first = server.last();
    channel.configure({ timeout: 600 });
    const second = server.last();
    // The server answered the first before the replacement reached it, then the same batch again.
    first.answer(batch(1, [messageEvent(1)]));
    second.answer(batch(1, [messageEvent(1)]));
    await flush();
    expect(seen).toEqual(['1']);
    expect(server.last().href).toBe(eventsHref(2));
  });
});

describe('stopping', () => {
  it('stop() leaves no request in flight and hands over a cursor', async () => {
    const { server, channel } = setup({ settings: { timeout: 600 } });
    channel.start();
    server.last().answer(batch(1, [messageEvent(1)]));
    await flush();
    const pending = server.last();
    await channel.stop();
    expect(pending.aborted).toBe(true);
    expect(server.open()).toHaveLength(0);
    expect(channel.state).toEqual({ status: 'stopped', reason: { kind: 'stopped' } });
    expect(channel.cursor).toEqual({
      href: eventsHref(2),
      settings: { timeout: 600, medium: 5, low: 15 },
      sendSettings: false,
    });
    const next = setup({ cursor: JSON.parse(JSON.stringify(channel.cursor)) });
    next.channel.start();
    expect(next.server.last().href).toBe(eventsHref(2));
    expect(next.server.last().options.query).toBeUndefined();
  });

  it('a batch received but not acknowledged is asked for again by the next channel', async () => {
    const { server, channel, seen } = setup();
    let release!: () => void;
    channel.on({ rel: 'message' }, () => new Promise<void>((r) => (release = r)));
    channel.start();
    server.last().answer(batch(1, [messageEvent(1)]));
    await flush();
    server.last().answer(batch(2, [messageEvent(2)]));
    await flush();
    const stopping = channel.stop();
    release();
    await stopping;
    expect(seen).toEqual(['1']);
    expect(channel.cursor.href).toBe(eventsHref(2));
  });

  it('stops when its signal aborts', async () => {
    const controller = new AbortController();
    const { server, channel } = setup({ signal: controller.signal });
    channel.start();
    controller.abort(new Error('bye'));
    const reason = await channel.stopped;
    expect(reason.kind).toBe('aborted');
    expect(server.last().aborted).toBe(true);
  });
});

describe('dispatch', () => {
  it('filters by link rel, sender rel and type; unsubscribes', async () => {
    const { server, channel } = setup();
    const got: string[] = [];
    const off = channel.on({ rel: 'message', type: 'added', sender: 'conversation' }, (e, s) => {
      got.push(`${e.type} ${e.link.rel} from ${s.rel}`);
    });
    channel.start();
    server.last().answer({
      ...batch(1, [messageEvent(1), { ...messageEvent(2), type: 'updated' }]),
      senders: [
        ...batch(1, [messageEvent(1), { ...messageEvent(2), type: 'updated' }]).senders,
        { rel: 'people', href: '/p', events: [messageEvent(3)] },
      ],
    });
    await flush();
    expect(got).toEqual(['added message from conversation']);
    off();
    server.last().answer(batch(2, [messageEvent(4)]));
    await flush();
    expect(got).toHaveLength(1);
  });

  it('a failing handler stops neither the channel nor the other handlers', async () => {
    const { server, channel, seen } = setup();
    const failures: HandlerFailure[] = [];
    channel.onSignal('error', (f) => failures.push(f));
    channel.on({ rel: 'message' }, () => {
      throw new Error('sync boom');
    });
    channel.on({ rel: 'message' }, async () => {
      throw new Error('async boom');
    });
    channel.start();
    server.last().answer(batch(1, [messageEvent(1), messageEvent(2)]));
    await flush();
    expect(seen).toEqual(['1', '2']);
    expect(
      failures.map((f) => `${(f.error as Error).message} ${f.event.link.href.at(-1)}`),
    ).toEqual(['sync boom 1', 'async boom 1', 'sync boom 2', 'async boom 2']);
    expect(channel.state.status).toBe('open');
    expect(server.last().href).toBe(eventsHref(2));
  });
});
