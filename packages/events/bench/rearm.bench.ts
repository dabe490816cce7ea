import { describe, expect, test } from 'vitest';
import { runMeasurement } from './measure.ts';

interface Latency {
  readonly samples: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

// Goal (issue 9): from a batch's arrival to the next P-GET leaving, p99 ≤ 1 ms on loopback.
// Baseline in the same run: a bare loop asking again in the callback that got the batch.
describe('re-arm latency on loopback, server in its own process', () => {
  test('the channel against a bare loop', async () => {
    const result = (await runMeasurement('./rearm-measure.ts', '2000', '6')) as {
      channel: Latency;
      bare: Latency;
    };
    const line = (name: string, l: Latency) =>
      `${name}: p50 ${l.p50.toFixed(0)} µs, p99 ${l.p99.toFixed(0)} µs, max ${l.max.toFixed(0)} µs (${l.samples} re-arms)`;
    console.log(
      [
        line('channel', result.channel),
        line('bare loop', result.bare),
        `channel / bare loop: p50 ${(result.channel.p50 / result.bare.p50).toFixed(2)}x, p99 ${(result.channel.p99 / result.bare.p99).toFixed(2)}x`,
      ].join('\n'),
    );
    expect(result.channel.p99).toBeLessThanOrEqual(1000);
  }, 900_000);
});
