import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { corpus } from '../fuzz/corpus.ts';
import { runFuzz } from '../fuzz/run.ts';

// 10,000 fuzzed documents (mutated reference examples, token soup, entity bombs, huge
// attribute counts), each through decodeResource and one other decoder: only
// UcwaDecodeError is thrown, no decode takes long, Object.prototype is untouched.
// fuzz/fuzz.ts runs longer, through every decoder.
test('10,000 fuzzed documents', () => {
  const outcome = runFuzz(corpus(readFileSync), 20_240_501, 10_000);
  expect(outcome.failures).toEqual([]);
  expect(outcome.decoded + outcome.refused).toBe(20_000);
  // Mutations must leave a good share decodable, or the fuzzer only tests the refusals.
  expect(outcome.decoded).toBeGreaterThan(1_500);
}, 20_000);
