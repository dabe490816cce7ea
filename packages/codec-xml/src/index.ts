export type { DecodeOptions, ResourceInput } from '@ucwa/model';
export { isUcwaDecodeError, UcwaDecodeError } from '@ucwa/model';
export { decodeError, decodeEventBatch, decodeInput, decodeResource } from './decode.ts';
export { mediaTypes } from './media-types.ts';
export { encodeError } from './write-error-body.ts';
export { encodeEventBatch } from './write-event-batch.ts';
export { encodeInput, encodeResource } from './write-resource.ts';
