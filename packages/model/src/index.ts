export {
  catalogEntry,
  embeddedCardinality,
  isKnownRel,
  isResource,
  linkCardinality,
} from './catalog-lookup.ts';
export { conformBatchToCatalog, conformToCatalog } from './catalog-shape.ts';
export type { DecodeOptions, ResourceInput, UcwaCodec } from './codec.ts';
export type { DataUri, FormatDataUriOptions } from './data-uri.ts';
export { dataUriText, formatDataUri, parseDataUri } from './data-uri.ts';
export type {
  DecodePosition,
  DecodeProblem,
  UcwaDecodeErrorOptions,
} from './decode-error.ts';
export { isUcwaDecodeError, UcwaDecodeError } from './decode-error.ts';
export { listEmbedded } from './embedded.ts';
export type { UcwaErrorBody, UcwaErrorParameter } from './error-body.ts';
export type { EventBatch, EventSender, UcwaEvent } from './event.ts';
export * from './generated/enums.ts';
export type {
  CatalogError,
  CatalogEvent,
  CatalogOperation,
  CatalogParameter,
  CatalogProperty,
  CatalogResource,
  DocumentedErrorCode,
  DocumentedErrorSubcode,
  EnumName,
  EventPriority,
  EventSenderRel,
  EventType,
  HttpMethod,
  Scope,
} from './generated/index.ts';
export { catalog } from './generated/index.ts';
// Properties types of every rel (AudioVideoProperties, ...), Rel, ResourceSchemas, PropertyValue.
export type * from './generated/resources.ts';
export type { Cardinality, Link } from './link.ts';
export type { HasLinks } from './links.ts';
export { findLink, findLinks, hasLink } from './links.ts';
export type { MediaType } from './media-type.ts';
export { matchesMediaType, parseMediaType } from './media-type.ts';
export type {
  EmbeddedBag,
  EmbeddedOf,
  EmbeddedRelsOf,
  EmbeddedResource,
  LinkBag,
  LinkRelsOf,
  LinksOf,
  PropertiesOf,
  PropertyBag,
  Resource,
  UnknownResource,
} from './resource.ts';
export type { BackoffShape } from './retry.ts';
export { backoffDelay, parseRetryAfter } from './retry.ts';
export { compareRevisions, parseRevision, revisionOf, selectByRevision } from './revision.ts';
export { seededRandom } from './seeded-random.ts';
export type { Timers } from './timers.ts';
export { systemTimers } from './timers.ts';
