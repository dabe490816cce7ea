import { afterEach, describe, expect, it } from 'vitest';
import { type EventsBody, type Harness, harness, signIn, untilPending } from './helpers.ts';

let h: Harness;
afterEach(async () => {
  await h?.server.close();
});

describe('a resync fault on a P-GET that follows next', () => {
  it('points past the batch that P-GET acknowledged (EventChannelDetails.md)', async () => {
    h = await harness();
    const s = await signIn(h.url);
    const first = s.get(s.eventsHref);
    await untilPending(h.clock);
    h.clock.advance(180_000);
    const batch1 = (await (await first).json()) as EventsBody;
    const next = batch1._links.next?.href ?? '';
    expect(next).toContain('ack=2');
    h.server.faults.add({ path: '/events', nth: 1, action: { type: 'resync' } });
    const resync = (await (await s.get(next)).json()) as EventsBody;
    // Following next acknowledged batch 1: the first unacknowledged batch is 2.
    expect(resync._links.resync?.href).toBe(next);
    expect(resync._links.next).toBeUndefined();
  });
});
