import { isUcwaDecodeError } from '@ucwa/model';
import { decodeError, decodeEventBatch, decodeInput, decodeResource } from '../src/index.ts';
import { fuzzedDocument } from './generate.ts';

/** What one fuzzed document did: decoded, refused (and why), or broke the rules. */
export interface FuzzOutcome {
  readonly decoded: number;
  readonly refused: number;
  /** The longest document, in UTF-16 units: the work of one decode is bounded by it. */
  readonly longest: number;
  /** Only measured when `maxMs` is given (long runs; tests never assert time). */
  readonly slowestMs: number;
  readonly failures: readonly string[];
}

const DECODERS = [decodeResource, decodeEventBatch, decodeError, decodeInput] as const;

/**
 * Runs `runs` fuzzed documents through `decodeResource` and one of the other decoders
 * in turn (all of them when `everyDecoder`). A failure is anything thrown that is not a
 * `UcwaDecodeError`, a change to Object.prototype, or, when `maxMs` is given (the long
 * runs of fuzz.ts, not the tests), a decode slower than that.
 */
export function runFuzz(
  corpus: readonly string[],
  seed: number,
  runs: number,
  { maxMs, everyDecoder = false }: { maxMs?: number; everyDecoder?: boolean } = {},
): FuzzOutcome {
  const before = Object.getOwnPropertyNames(Object.prototype).join();
  let decoded = 0;
  let refused = 0;
  let slowestMs = 0;
  let longest = 0;
  const failures: string[] = [];
  for (let i = 0; i < runs; i++) {
    const text = fuzzedDocument(corpus, seed, i);
    longest = Math.max(longest, text.length);
    const decoders = everyDecoder
      ? DECODERS
      : [decodeResource, DECODERS[1 + (i % 3)] ?? decodeInput];
    for (const decode of decoders) {
      const start = maxMs === undefined ? 0 : performance.now();
      try {
        decode(text);
        decoded++;
      } catch (error) {
        if (isUcwaDecodeError(error)) refused++;
        else failures.push(`seed ${seed} run ${i}: ${decode.name} threw ${String(error)}`);
      }
      if (maxMs === undefined) continue;
      const ms = performance.now() - start;
      slowestMs = Math.max(slowestMs, ms);
      if (ms > maxMs)
        failures.push(`seed ${seed} run ${i}: ${decode.name} took ${ms.toFixed(0)} ms`);
    }
  }
  if (
    Object.getOwnPropertyNames(Object.prototype).join() !== before ||
    ({} as Record<string, unknown>).polluted !== undefined
  ) {
    failures.push(`seed ${seed}: Object.prototype changed`);
  }
  return { decoded, refused, longest, slowestMs, failures };
}
