import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeChannel } from './helpers/fake-channel.ts';
import { type Call, flush, httpError, networkError } from './helpers/fake-server.ts';
import { ModelServer } from './helpers/model-server.ts';

/** What the server, the network or the caller does next. */
type Step =
  | { readonly kind: 'produce'; readonly count: number }
  | { readonly kind: 'answer'; readonly link: 'next' | 'resume' }
  /** The server formed the batch but the answer was lost on the way. */
  | { readonly kind: 'lost' }
  | { readonly kind: 'fail'; readonly status: 500 | 502 | 503 | undefined }
  | { readonly kind: 'resync' }
  /** The P-GET hangs past its timeout: the watchdog must fire. */
  | { readonly kind: 'hang' }
  | { readonly kind: 'configure'; readonly medium: number }
  /** The server answers a replaced P-GET before its replacement reaches it. */
  | { readonly kind: 'crossed' }
  /** Time passes until the next timer (a backoff). */
  | { readonly kind: 'tick' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('produce' as const), count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({
    kind: fc.constant('answer' as const),
    link: fc.constantFrom('next' as const, 'next' as const, 'resume' as const),
  }),
  fc.constant({ kind: 'lost' as const }),
  fc.record({
    kind: fc.constant('fail' as const),
    status: fc.constantFrom(500 as const, 502 as const, 503 as const, undefined),
  }),
  fc.constant({ kind: 'resync' as const }),
  fc.constant({ kind: 'hang' as const }),
  fc.record({ kind: fc.constant('configure' as const), medium: fc.integer({ min: 5, max: 60 }) }),
  fc.constant({ kind: 'tick' as const }),
  fc.constant({ kind: 'crossed' as const }),
);

async function run(steps: readonly Step[]): Promise<void> {
  const model = new ModelServer();
  const { server, timers, channel } = fakeChannel({ random: () => 0.25 });
  const dispatched: string[] = [];
  channel.on({}, (event) => {
    dispatched.push(event.link.href);
  });
  /** P-GETs this channel replaced on purpose (configure): allowed to overlap. */
  const replaced = new Set<Call>();
  const current = (): Call | undefined => server.open().find((c) => !replaced.has(c));
  const checkInFlight = (): void => {
    expect(server.open().filter((c) => !replaced.has(c)).length).toBeLessThanOrEqual(1);
  };
  channel.start();
  for (const s of steps) {
    const call = current();
    switch (s.kind) {
      case 'produce':
        model.produce(s.count);
        break;
      case 'answer':
        call?.answer(model.answer(call.href, s.link));
        break;
      case 'lost':
        if (call !== undefined) model.answer(call.href);
        call?.fail(networkError());
        break;
      case 'fail':
        call?.fail(s.status === undefined ? networkError() : httpError(s.status));
        break;
      case 'resync':
        if (call !== undefined) call.answer(model.resync(call.href));
        break;
      case 'hang':
        if (call !== undefined) timers.advance(call.options.timeout);
        break;
      case 'configure': {
        const before = server.calls.length;
        channel.configure({ medium: s.medium });
        // Only a change of settings replaces the P-GET in flight.
        if (call !== undefined && server.calls.length > before) replaced.add(call);
        break;
      }
      case 'crossed': {
        const old = [...replaced].find((c) => !c.settled);
        if (old !== undefined) old.answer(model.answer(old.href));
        break;
      }
      case 'tick':
        timers.advance(timers.nextDelay() ?? 0);
        break;
    }
    await flush();
    checkInFlight();
    if (s.kind !== 'configure') {
      // A replaced P-GET still open is answered 409 once its replacement reaches the server.
      for (const old of replaced) if (!old.settled) old.fail(httpError(409, 'PGetReplaced'));
      await flush();
      checkInFlight();
    }
  }
  // Let the network heal and drain everything the server has.
  const settled = (): boolean =>
    model.backlog === 0 && channel.state.status === 'open' && current() !== undefined;
  for (let guard = 0; guard < 200 && !settled(); guard += 1) {
    const call = current();
    if (call === undefined) timers.advance(timers.nextDelay() ?? 0);
    else call.answer(model.answer(call.href));
    await flush();
    checkInFlight();
  }
  expect(channel.state.status).toBe('open');
  expect(dispatched).toEqual(model.sent.map((e) => e.link.href));
  await channel.stop();
  expect(server.open()).toHaveLength(0);
}

describe('the channel against a model server (fast-check)', () => {
  it('dispatches exactly the server’s events, in order, with one P-GET in flight', async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 60 }), run), {
      numRuns: 300,
    });
  });
});
