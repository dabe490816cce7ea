import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { corpus } from '../fuzz/corpus.ts';
import { runFuzz } from '../fuzz/run.ts';

// 10,000 fuzzed documents (mutated reference examples, token soup, entity bombs, huge
// attribute counts), each through decodeResource and one other decoder: only
// UcwaDecodeError is thrown and Object.prototype is untouched. The work is bounded by the
// documents' size (below the default maxBytes, so every one is parsed or refused by its
// content), never by a clock; fuzz/fuzz.ts runs longer, through every decoder, and
// reports the slowest decode.
test('10,000 fuzzed documents', () => {
  const outcome = runFuzz(corpus(readFileSync), 20_240_501, 10_000);
  expect(outcome.failures).toEqual([]);
  expect(outcome.longest).toBeLessThan(4 * 1024 * 1024);
  expect(outcome.decoded + outcome.refused).toBe(20_000);
  // Mutations must leave a good share decodable, or the fuzzer only tests the refusals.
  expect(outcome.decoded).toBeGreaterThan(1_500);
}, 60_000);
