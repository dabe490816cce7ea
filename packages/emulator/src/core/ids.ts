import { seededRandom } from '@ucwa/model';

/**
 * Seeded identifiers: application ids, tokens, ETags, the random "please pass this in a
 * PUT request" property names. Same seed, same sequence, so tests are reproducible.
 */
export interface IdSource {
  /** A float in [0, 1). */
  random(): number;
  /** `length` lower-case hex digits. */
  hex(length: number): string;
  /** `length` decimal digits, the first not 0. */
  digits(length: number): string;
  /** A version-4-shaped UUID. */
  uuid(): string;
}

/** A deterministic id source (mulberry32) seeded with `seed`. */
export function createIds(seed: number): IdSource {
  const random = seededRandom(seed);
  const hex = (length: number): string => {
    let out = '';
    while (out.length < length) out += Math.floor(random() * 16).toString(16);
    return out;
  };
  const digits = (length: number): string => {
    let out = String(1 + Math.floor(random() * 9));
    while (out.length < length) out += String(Math.floor(random() * 10));
    return out;
  };
  const uuid = (): string =>
    `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(random() * 4)]}${hex(3)}-${hex(12)}`;
  return { random, hex, digits, uuid };
}
