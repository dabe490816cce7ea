import { createEventChannel, type EventChannelOptions } from '../../src/index.ts';
import { createFakeServer, eventsHref } from './fake-server.ts';
import { createFakeTimers } from './fake-timers.ts';

/** A channel on the fake server and fake timers, at `events?ack=1`; `options` override. */
export function fakeChannel(options: Partial<EventChannelOptions> = {}) {
  const server = createFakeServer();
  const timers = createFakeTimers(1_000_000);
  const channel = createEventChannel({
    href: eventsHref(1),
    fetchEvents: server.fetchEvents,
    timers,
    now: timers.now,
    ...options,
  });
  return { server, timers, channel };
}
