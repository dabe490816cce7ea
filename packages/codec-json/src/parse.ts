import { type DecodeOptions, isUcwaDecodeError } from '@ucwa/model';
import { decodeLimits, exceedsMaxBytes } from '@ucwa/model/codec';
import { fail, hasInheritedKeys, isObject, type Reader, TOO_DEEP, type Walk } from './walk.ts';

/**
 * Checks the size, parses, checks the root is an object and runs `read` over it, so that
 * every decoder shares one guarded path from text to model: nothing but a
 * `UcwaDecodeError` leaves it.
 */
export function decodeDocument<T>(
  text: string,
  options: DecodeOptions | undefined,
  read: Reader<T, undefined>,
): T {
  const { maxBytes, maxDepth } = decodeLimits(options);
  const walk: Walk = { maxDepth, inherited: hasInheritedKeys(), path: [] };
  if (typeof text !== 'string') fail(walk, 'malformed', 'expected a string');
  // Checked before parsing, so an oversized document costs no parse.
  if (exceedsMaxBytes(text, maxBytes)) fail(walk, 'too-large', 'larger than maxBytes');
  const root = parseJson(walk, text);
  if (!isObject(root)) fail(walk, 'wrong-root', 'expected an object');
  try {
    return read(walk, root, undefined);
  } catch (error) {
    if (isUcwaDecodeError(error)) throw error;
    // The readers throw nothing else: this is the stack overflowing, which the depth
    // ceiling leaves room for unless the caller itself runs deep in its stack.
    return fail(walk, 'too-deep', TOO_DEEP, undefined, { cause: error });
  }
}

function parseJson(walk: Walk, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // V8 says what and where ("... at position 7 (line 1 column 8)"); after "Unexpected
    // token 'x'," it quotes a piece of the text, which may hold a token: drop that.
    const reason = (error as Error).message.replace(/, ".*/s, '');
    const [, offset, line, column] =
      /position (\d+)(?: \(line (\d+) column (\d+))?/.exec(reason) ?? [];
    return fail(walk, 'malformed', `malformed JSON (${reason})`, undefined, {
      position: offset
        ? { offset: Number(offset), ...(line && { line: Number(line), column: Number(column) }) }
        : reason.includes('end of JSON')
          ? { offset: text.length }
          : {},
    });
  }
}
