import type { DecodeOptions, UcwaErrorBody } from '@ucwa/model';
import { decodeDocument } from './decode-document.ts';
import { readErrorBody } from './read-error-body.ts';
import { writeErrorBody } from './write-error-body.ts';
import { DECLARATION } from './xml-writer.ts';

/**
 * Decodes an error body (`<reason>`, ErrorsAndInformationalMessages.md).
 * Throws nothing but `UcwaDecodeError`.
 *
 * @example
 * ```ts
 * const { code, subcode, message } = decodeError(await response.text());
 * ```
 */
export function decodeError(text: string, options?: DecodeOptions): UcwaErrorBody {
  return decodeDocument(text, options, ['reason'], (ctx) => readErrorBody(ctx, ctx.doc.root));
}

/**
 * Encodes an error body as `<reason>` (ErrorsAndInformationalMessages.md); parameters
 * and debug items are `<property name>` elements.
 *
 * @example
 * ```ts
 * encodeError({ code: 'Conflict', subcode: 'AlreadyExists', message: 'Please wait and try again.' });
 * ```
 */
export function encodeError(body: UcwaErrorBody): string {
  return DECLARATION + writeErrorBody(body, true);
}
