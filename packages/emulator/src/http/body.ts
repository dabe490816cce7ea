import { isUcwaDecodeError, parseMediaType } from '@ucwa/model';
import type { InputBody } from '../wire/codec.ts';
import { type CodecTable, codecForContentType } from '../wire/negotiate.ts';
import { ucwaError } from './errors.ts';
import type { ErrorReply } from './types.ts';

/** A request body: decoded when it is JSON or XML, and as text in any case. */
export interface DecodedBody {
  readonly input: InputBody | undefined;
  readonly text: string;
  readonly contentType: string;
}

/** Media types taken as they are (messages, SDP, forms, batches). */
const OPAQUE = /^(text\/|application\/sdp$|application\/x-www-form-urlencoded$|multipart\/)/;

/**
 * Decodes a body by its `Content-Type` through the codecs. Malformed JSON/XML → 400
 * BadRequest DeserializationFailure; a type the emulator cannot read → 415.
 */
export function decodeBody(
  body: Uint8Array,
  contentTypeHeader: string | null,
  codecs: CodecTable,
  maxBytes: number,
): DecodedBody | ErrorReply {
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  if (body.byteLength === 0) return { input: undefined, text: '', contentType: '' };
  let contentType = '';
  try {
    contentType = contentTypeHeader === null ? '' : parseMediaType(contentTypeHeader).essence;
  } catch {
    return ucwaError(415, 'UnsupportedMediaType', {
      message: 'The content-type is not supported.',
    });
  }
  const codec = codecForContentType(contentTypeHeader, codecs);
  if (codec === undefined) {
    if (contentType === '' || OPAQUE.test(contentType))
      return { input: undefined, text, contentType };
    return ucwaError(415, 'UnsupportedMediaType', { message: `Cannot read ${contentType}.` });
  }
  try {
    return { input: codec.decodeInput(text, maxBytes), text, contentType };
  } catch (error) {
    if (!isUcwaDecodeError(error)) throw error;
    return ucwaError(400, 'DeserializationFailure', { message: error.message });
  }
}
