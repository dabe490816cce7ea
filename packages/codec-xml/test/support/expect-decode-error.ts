import type { DecodeProblem, UcwaDecodeError } from '@ucwa/model';
import { expect } from 'vitest';
import { isUcwaDecodeError } from '../../src/index.ts';

/** Runs `decode`, expects a `UcwaDecodeError` with `problem`, and returns it. */
export function decodeError(decode: () => unknown, problem: DecodeProblem): UcwaDecodeError {
  let caught: unknown;
  try {
    decode();
  } catch (error) {
    caught = error;
  }
  expect(isUcwaDecodeError(caught), `expected a UcwaDecodeError, got ${String(caught)}`).toBe(true);
  const error = caught as UcwaDecodeError;
  expect(error.problem, error.message).toBe(problem);
  expect(error.format).toBe('xml');
  return error;
}
