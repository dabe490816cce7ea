import type { DecodeOptions } from '../codec.ts';

/** Default {@link DecodeOptions.maxBytes}: 4 MiB, far above any UCWA answer. */
export const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

/** Default {@link DecodeOptions.maxDepth}: UCWA nests resources two or three levels deep. */
export const DEFAULT_MAX_DEPTH = 64;

/**
 * The deepest nesting any caller can ask for. Decoders walk nested containers by
 * recursion, so a ceiling keeps the stack safe and bounds the work whatever a caller
 * passes (a larger `maxDepth` counts as this one).
 */
export const MAX_DEPTH_CEILING = 1024;

/** The limits one decode call runs with. */
export interface DecodeLimits {
  readonly maxBytes: number;
  readonly maxDepth: number;
}

/** The limits of `options`: defaults filled in, the depth capped at {@link MAX_DEPTH_CEILING}. */
export function decodeLimits(options: DecodeOptions | undefined): DecodeLimits {
  return {
    maxBytes: options?.maxBytes ?? DEFAULT_MAX_BYTES,
    maxDepth: Math.min(options?.maxDepth ?? DEFAULT_MAX_DEPTH, MAX_DEPTH_CEILING),
  };
}

/**
 * Whether `text` takes more than `maxBytes` in UTF-8, decided before any parsing. A UTF-16
 * unit is one to three UTF-8 bytes, so the text is only encoded to count them when its
 * length alone leaves doubt.
 */
export function exceedsMaxBytes(text: string, maxBytes: number): boolean {
  return (
    text.length > maxBytes ||
    (text.length * 3 > maxBytes && new TextEncoder().encode(text).length > maxBytes)
  );
}
