import { type DecodeOptions, isUcwaDecodeError } from '@ucwa/model';
import { decodeLimits } from '@ucwa/model/codec';
import { contextOf, type DecodeContext } from './decode-context.ts';
import { fail } from './fail.ts';
import { parseDocument } from './parser.ts';

/**
 * Parses `text` (size, markup and root checks first), then runs `read` on the root, so
 * that every decoder shares one guarded path from text to model: nothing but a
 * `UcwaDecodeError` leaves it (docs/codec-contract.md), a bug in a reader included.
 */
export function decodeDocument<T>(
  text: string,
  options: DecodeOptions | undefined,
  roots: readonly string[],
  read: (ctx: DecodeContext) => T,
): T {
  const doc = parseDocument(text, decodeLimits(options), roots);
  try {
    return read(contextOf(doc));
  } catch (error) {
    if (isUcwaDecodeError(error)) throw error;
    return fail('malformed', `could not decode the XML: ${String(error)}`, { cause: error });
  }
}
