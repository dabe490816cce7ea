import type { UcwaErrorBody } from './error-body.ts';
import type { EventBatch } from './event.ts';
import type { LinkBag, PropertyBag, UnknownResource } from './resource.ts';

/** Options of every codec's `decode*` functions (docs/codec-contract.md). */
export interface DecodeOptions {
  /** Largest document accepted, in UTF-8 bytes. Default 4 MiB. */
  readonly maxBytes?: number;
  /** Deepest nesting accepted; the root is depth 1. Default 64, at most 1024. */
  readonly maxDepth?: number;
  /** The ETag the response carried in its header, stored on the decoded resource. */
  readonly etag?: string;
}

/**
 * The body of a POST or PUT: properties, plus links where an operation takes them (the
 * message of `startMessaging` is a `message` link to a `data:` URI). A decoded
 * {@link UnknownResource} is one too, so a GET → PUT plays back every property.
 */
export interface ResourceInput {
  readonly properties: PropertyBag;
  readonly links?: LinkBag;
}

/**
 * The surface both `@ucwa/codec-json` and `@ucwa/codec-xml` export, so a transport or
 * server can take either module namespace as it is and pick one by content type.
 */
export interface UcwaCodec {
  /** Media type essences the codec reads and writes; the first is the one it sends. */
  readonly mediaTypes: readonly string[];
  decodeResource(text: string, options?: DecodeOptions): UnknownResource;
  encodeResource(resource: UnknownResource): string;
  decodeInput(text: string, options?: DecodeOptions): ResourceInput;
  encodeInput(input: ResourceInput): string;
  decodeEventBatch(text: string, options?: DecodeOptions): EventBatch;
  encodeEventBatch(batch: EventBatch): string;
  decodeError(text: string, options?: DecodeOptions): UcwaErrorBody;
  encodeError(body: UcwaErrorBody): string;
}
