// `@ucwa/model/codec`: what a codec author needs beyond the model itself. Applications
// never import it; it holds the catalog data only codecs need, so that data is bundled
// only with a codec that reads it.

export type { CodecShape, PropertyCode } from '../generated/codec-catalog.ts';
export { codecCatalog } from '../generated/codec-catalog.ts';
export { eventTypes } from '../generated/vocabulary.ts';
export { codecShape } from './codec-shape.ts';
export { isForbiddenName } from './forbidden-name.ts';
export type { DecodeLimits } from './limits.ts';
export {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_DEPTH,
  decodeLimits,
  exceedsMaxBytes,
  MAX_DEPTH_CEILING,
} from './limits.ts';
