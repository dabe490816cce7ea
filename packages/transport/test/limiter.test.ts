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

  it('tryAcquire takes free slots at once, and never jumps the queue', async () => {
    const limiter = createLimiter(2);
    const first = limiter.tryAcquire(1);
    expect(first).toBeTypeOf('function');
    const big = limiter.acquire(2); // waits: one slot is taken
    expect(limiter.tryAcquire(1)).toBeUndefined(); // a slot is free, but `big` waits first
    first?.();
    const releaseBig = await big;
    expect(limiter.active()).toBe(2);
    expect(limiter.tryAcquire(1)).toBeUndefined(); // full
    releaseBig();
    expect(limiter.tryAcquire(5)?.()).toBeUndefined(); // capped at the limit, then released
    expect(limiter.active()).toBe(0);
  });
});
