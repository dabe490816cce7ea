import type { EventBatch, UcwaEvent } from '@ucwa/model';
import { describe, expect, test } from 'vitest';
import { formatRatio, interleavedRatio } from '../../../scripts/interleaved.ts';
import { Dispatcher } from '../src/dispatcher.ts';
import { createEventChannel } from '../src/index.ts';
import { makeBatches } from './batches.ts';

// Dispatch throughput to a no-op handler, against a bare loop over the same batches that
// calls the same handler for every event: what the dispatcher costs per event (filters,
// the operation tracker's look, the error guard). Interleaved rounds, median ratio.
const batches = makeBatches(100, 20);
const events = batches.length * 20;
let seen = 0;
const noop = (event: UcwaEvent): void => {
  if (event.type === 'added') seen += 1;
};

function bareLoop(list: readonly EventBatch[]): void {
  for (const batch of list) {
    for (const sender of batch.senders) {
      for (const event of sender.events) noop(event);
    }
  }
}

describe('dispatch to a no-op handler', () => {
  test('the dispatcher against a bare loop over the same batches', () => {
    const dispatcher = new Dispatcher(
      () => undefined,
      () => undefined,
    );
    dispatcher.add({ rel: 'message' }, noop);
    // With synchronous handlers, dispatch() does all its work before returning its promise.
    const result = interleavedRatio(
      () => bareLoop(batches),
      () => {
        for (const batch of batches) void dispatcher.dispatch(batch);
      },
      { calls: 20, rounds: 41 },
    );
    console.log(`dispatch (${events} events per call): ${formatRatio(result)}`);
    expect(seen).toBeGreaterThan(0);
  });

  test('through a channel (fetch answered at once) against an async loop', async () => {
    const rounds = 15;
    const ratios: number[] = [];
    let channelMs = 0;
    let loopMs = 0;
    for (let round = 0; round < rounds; round += 1) {
      const order = round % 2 === 0 ? [asyncLoop, viaChannel] : [viaChannel, asyncLoop];
      const times = new Map<unknown, number>();
      for (const run of order) {
        const start = performance.now();
        await run();
        times.set(run, performance.now() - start);
      }
      const ours = times.get(viaChannel) ?? 0;
      const base = times.get(asyncLoop) ?? 1;
      ratios.push(ours / base);
      channelMs += ours;
      loopMs += base;
    }
    ratios.sort((a, b) => a - b);
    console.log(
      `channel end to end (${events} events per run): ${ratios[Math.floor(rounds / 2)]?.toFixed(2)}x of an async loop ` +
        `(range ${ratios[0]?.toFixed(2)}-${ratios.at(-1)?.toFixed(2)}), ` +
        `${((channelMs * 1000) / (rounds * events)).toFixed(2)} µs vs ${((loopMs * 1000) / (rounds * events)).toFixed(2)} µs per event`,
    );
    expect(ratios.length).toBe(rounds);
  });
});

/** The least an application can do: await each answer, hand every event to the handler. */
async function asyncLoop(): Promise<void> {
  let href = batches[0]?.href ?? '';
  for (let i = 0; i < batches.length; i += 1) {
    const batch = await answer(href);
    href = batch.next ?? href;
    for (const sender of batch.senders) for (const event of sender.events) noop(event);
  }
}

async function viaChannel(): Promise<void> {
  let done!: () => void;
  const finished = new Promise<void>((resolve) => {
    done = resolve;
  });
  let count = 0;
  const channel = createEventChannel({
    href: batches[0]?.href ?? '',
    fetchEvents: (href) => (count === events ? new Promise(() => {}) : answer(href)),
  });
  channel.on({ rel: 'message' }, (event) => {
    noop(event);
    count += 1;
    if (count === events) done();
  });
  channel.start();
  await finished;
  await channel.stop();
}

const byHref = new Map(batches.map((b) => [b.href, b]));
function answer(href: string): Promise<EventBatch> {
  const batch = byHref.get(href);
  return batch === undefined ? new Promise(() => {}) : Promise.resolve(batch);
}
