import { describe, expect, it } from 'vitest';
import type { ChannelEvent } from '../src/index.ts';
import { fakeChannel } from './helpers/fake-channel.ts';
import { batch, eventsHref, flush, messageEvent } from './helpers/fake-server.ts';

const setup = () => fakeChannel();

const number = (e: ChannelEvent): string => e.event.link.href.split('/').at(-1) ?? '';

describe('channel.events()', () => {
  it('yields every event in order and holds the next P-GET while the consumer is slow', async () => {
    const { server, channel } = setup();
    const iterator = channel.events()[Symbol.asyncIterator]();
    channel.start();
    server.last().answer(batch(1, [messageEvent(1), messageEvent(2)]));
    await flush();
    // Batch 1 is acknowledged (P-GET 2 sent) and waits for the consumer.
    expect(server.calls).toHaveLength(2);
    server.last().answer(batch(2, [messageEvent(3)]));
    await flush();
    // Batch 2 arrived but batch 1 is not consumed: no third P-GET, nothing dropped.
    expect(server.calls).toHaveLength(2);
    const got: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const step = await iterator.next();
      if (step.done !== true) got.push(number(step.value));
      await flush();
    }
    expect(got).toEqual(['1', '2', '3']);
    expect(server.calls).toHaveLength(3);
  });

  it('works with for await and ends when the channel stops', async () => {
    const { server, channel } = setup();
    channel.start();
    const got: string[] = [];
    const consumed = (async () => {
      for await (const e of channel.events()) got.push(number(e));
    })();
    server.last().answer(batch(1, [messageEvent(1)]));
    await flush();
    server.last().answer(batch(2, [messageEvent(2)]));
    await flush();
    await channel.stop();
    await consumed;
    expect(got).toEqual(['1', '2']);
  });

  it('rejects with the reason when its signal aborts, and releases the channel', async () => {
    const { server, channel } = setup();
    const controller = new AbortController();
    const iterator = channel.events({ signal: controller.signal })[Symbol.asyncIterator]();
    channel.start();
    server.last().answer(batch(1, [messageEvent(1), messageEvent(2)]));
    await flush();
    controller.abort(new Error('enough'));
    await expect(iterator.next()).rejects.toThrow('enough');
    await flush();
    // The subscription is gone: the channel carries on without waiting for it.
    server.last().answer(batch(2, [messageEvent(3)]));
    await flush();
    expect(server.last().href).toBe(eventsHref(3));
  });

  it('breaking out of the loop unsubscribes', async () => {
    const { server, channel } = setup();
    channel.start();
    server.last().answer(batch(1, [messageEvent(1), messageEvent(2)]));
    for await (const e of channel.events()) {
      expect(number(e)).toBe('1');
      break;
    }
    await flush();
    server.last().answer(batch(2, [messageEvent(3)]));
    await flush();
    expect(server.last().href).toBe(eventsHref(3));
  });
});
