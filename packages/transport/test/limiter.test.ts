import { describe, expect, it } from 'vitest';
import { createLimiter } from '../src/limiter.ts';

describe('outstanding request limiter', () => {
  it('serves waiters in order and lets an aborted waiter leave the queue', async () => {
    const limiter = createLimiter(2);
    const first = await limiter.acquire(1);
    const second = await limiter.acquire(1);
    const order: string[] = [];
    const controller = new AbortController();
    const leaving = limiter.acquire(1, controller.signal).then(
      () => order.push('left-too-late'),
      () => order.push('left'),
    );
    const waiting = limiter.acquire(1).then((release) => {
      order.push('third');
      return release;
    });
    controller.abort(new Error('gone'));
    await leaving;
    first();
    const third = await waiting;
    expect(order).toEqual(['left', 'third']);
    expect(limiter.active()).toBe(2);
    second();
    third();
    third(); // releasing twice gives back nothing more
    expect(limiter.active()).toBe(0);
  });

  it('caps a batch’s permits at the limit so it cannot wait forever', async () => {
    const limiter = createLimiter(3);
    const release = await limiter.acquire(10);
    expect(limiter.active()).toBe(3);
    release();
    expect(limiter.active()).toBe(0);
  });
});
