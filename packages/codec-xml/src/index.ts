export type { DecodeOptions, ResourceInput } from '@ucwa/model';
export { isUcwaDecodeError, UcwaDecodeError } from '@ucwa/model';
export { decodeError, encodeError } from './error-body.ts';
export { decodeEventBatch, encodeEventBatch } from './event-batch.ts';
export { mediaTypes } from './media-types.ts';
export { decodeInput, decodeResource, encodeInput, encodeResource } from './resource.ts';
