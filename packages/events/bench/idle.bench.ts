import { describe, expect, test } from 'vitest';
import { runMeasurement } from './measure.ts';

// Goal (issue 9): at least 5,000 channels idling on pending P-GETs against the emulator in
// one Node process, ≤ 32 KiB of heap per channel including the transport's pending
// request. Baseline in the same run: the same P-GETs held by a bare getEvents loop. Each
// contender runs in a fresh process (the emulator in another), alternating, two rounds.
describe('idle channels against the emulator in its own process', () => {
  test('heap per channel, against a bare getEvents loop', async () => {
    const runs: Record<string, number[]> = { channel: [], transport: [] };
    for (const contender of ['channel', 'transport', 'transport', 'channel']) {
      const { count, bytesPer } = (await runMeasurement('./idle-measure.ts', contender)) as {
        count: number;
        bytesPer: number;
      };
      expect(count).toBeGreaterThanOrEqual(5000);
      runs[contender]?.push(bytesPer / 1024);
    }
    const kib = (values: number[] = []) => values.map((v) => v.toFixed(1)).join(', ');
    console.log(
      `heap per idle channel (5,040 channels): channel ${kib(runs.channel)} KiB; ` +
        `bare getEvents loop ${kib(runs.transport)} KiB`,
    );
    for (const value of runs.channel ?? []) expect(value).toBeLessThanOrEqual(32);
  }, 900_000);
});
