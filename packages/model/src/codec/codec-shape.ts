import { type CodecShape, codecCatalog } from '../generated/codec-catalog.ts';

/**
 * What a codec must know of `rel` (non-string property types, array links and embedded
 * rels), or `undefined` for a rel with nothing to say. Safe for any string.
 */
export function codecShape(rel: string): CodecShape | undefined {
  return Object.hasOwn(codecCatalog, rel) ? codecCatalog[rel] : undefined;
}
