import type { DecodeOptions } from '@ucwa/model';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH } from '@ucwa/model/codec';

// The options and their defaults are shared by both codecs (docs/codec-contract.md).
export type { DecodeOptions };

/**
 * The deepest nesting any caller can ask for. fast-xml-parser's own nesting guard is
 * pinned to it, and the model walk recurses once per nested resource, so a bound keeps
 * the stack safe whatever a caller passes.
 */
export const MAX_DEPTH_CEILING = 1024;

/** The limits one decode call runs with. */
export interface Limits {
  readonly maxBytes: number;
  readonly maxDepth: number;
}

/** The limits of `options`, defaults filled in and the depth capped. */
export function limitsOf(options: DecodeOptions | undefined): Limits {
  const maxBytes = options?.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxDepth = Math.min(options?.maxDepth ?? DEFAULT_MAX_DEPTH, MAX_DEPTH_CEILING);
  return { maxBytes, maxDepth };
}
