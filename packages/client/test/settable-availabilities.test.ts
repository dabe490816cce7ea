import { PreferredAvailabilityValues } from '@ucwa/model';
import { expect, it } from 'vitest';
import { SETTABLE_AVAILABILITIES } from '../src/index.ts';

it('offers exactly the availabilities the reference lets a user set, each once', () => {
  expect([...SETTABLE_AVAILABILITIES].sort()).toEqual([...PreferredAvailabilityValues].sort());
  expect(new Set(SETTABLE_AVAILABILITIES).size).toBe(SETTABLE_AVAILABILITIES.length);
});
