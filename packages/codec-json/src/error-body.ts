import type { DecodeOptions, UcwaErrorBody } from '@ucwa/model';
import { decodeDocument } from './parse.ts';
import { readErrorBody } from './read-error-body.ts';
import { serialize, writeErrorBody } from './write.ts';

/**
 * Decodes an error body `{ code, subcode?, message?, parameters?, debugInfo?, link? }`
 * (ErrorsAndInformationalMessages.md).
 *
 * @example
 * ```ts
 * decodeError('{"code":"Conflict","subcode":"AlreadyExists"}').subcode; // 'AlreadyExists'
 * ```
 */
export function decodeError(text: string, options?: DecodeOptions): UcwaErrorBody {
  return decodeDocument(text, options, readErrorBody);
}

/**
 * Encodes an error body; `parameters` as `[{ name, value }]`, `debugInfo` as an object.
 *
 * @example
 * ```ts
 * encodeError({ code: 'NotFound', subcode: 'ApplicationNotFound' });
 * ```
 */
export function encodeError(body: UcwaErrorBody): string {
  return serialize(writeErrorBody(body));
}
