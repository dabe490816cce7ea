import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter, seededRandom } from '../src/index.ts';

describe('backoffDelay', () => {
  const shape = { baseDelay: 100, maxDelay: 1000, jitter: 0.5 };
  it.each([
    [1, 0, 100],
    [2, 0, 200],
    [4, 0, 800],
    [5, 0, 1000],
    [40, 0, 1000],
    [3, 1, 200],
    [3, 0.5, 300],
  ])('attempt %i with random %f waits %i ms', (attempt, random, expected) => {
    expect(backoffDelay(shape, attempt, () => random)).toBe(expected);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 0, 1);
  it.each([
    ['120', 120_000],
    [' 7 ', 7000],
    [new Date(now + 5000).toUTCString(), 5000],
    [new Date(now - 5000).toUTCString(), 0],
    ['soon', undefined],
    ['2026-01-01T00:00:05Z', undefined],
    ['-1', undefined],
    [null, undefined],
    [undefined, undefined],
  ])('%j → %j', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe('seededRandom', () => {
  it('gives the same sequence for the same seed, in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom(43)()).not.toBe(first[0]);
    // mulberry32's first draw for seed 1, so ids an emulator seeded before stay the same.
    expect(seededRandom(1)()).toBeCloseTo(0.6270739405881613, 15);
  });
});
