import {
  isUcwaDecodeError,
  type MediaType,
  parseMediaType,
  type UcwaDecodeError,
} from '@ucwa/model';
import type { InputBody } from '../wire/codec.ts';
import { canonicalInput } from '../wire/input-names.ts';
import { type CodecTable, codecForContentType } from '../wire/negotiate.ts';
import { ucwaError } from './errors.ts';
import type { EmulatorRequest, ErrorReply } from './types.ts';

/** A request body: decoded when it is JSON or XML, and as text in any case. */
export interface DecodedBody {
  readonly input: InputBody | undefined;
  readonly text: string;
  readonly contentType: string;
}

/** Media types taken as they are (messages, SDP, forms, batches). */
const OPAQUE = /^(text\/|application\/sdp$|application\/x-www-form-urlencoded$|multipart\/)/;

const unsupported = (message: string): ErrorReply =>
  ucwaError(415, 'UnsupportedMediaType', { message });

/** The body as text in its declared charset (UTF-8 when none); `undefined` for an unknown one. */
function bodyText(body: Uint8Array, type: MediaType | undefined): string | undefined {
  const charset = type?.parameters.charset?.trim().toLowerCase() ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(body);
  } catch {
    return undefined;
  }
}

/**
 * Decodes a body by its `Content-Type` through the codecs, in its charset. Malformed
 * JSON/XML → 400 BadRequest DeserializationFailure; a type or charset the emulator cannot
 * read → 415. Property names are brought to the reference's spelling (any case is read).
 */
export function decodeBody(
  request: EmulatorRequest,
  codecs: CodecTable,
  maxBytes: number,
): DecodedBody | ErrorReply {
  const { body } = request;
  if (body.byteLength === 0) return { input: undefined, text: '', contentType: '' };
  const header = request.headers.get('Content-Type');
  let type: MediaType | undefined;
  try {
    type = header === null ? undefined : parseMediaType(header);
  } catch {
    return unsupported('The content-type is not supported.');
  }
  const contentType = type?.essence ?? '';
  const text = bodyText(body, type);
  if (text === undefined) return unsupported(`Cannot read the charset of ${header}.`);
  const codec = codecForContentType(header, codecs);
  if (codec === undefined) {
    if (contentType === '' || OPAQUE.test(contentType))
      return { input: undefined, text, contentType };
    return unsupported(`Cannot read ${contentType}.`);
  }
  try {
    return { input: canonicalInput(codec.decodeInput(text, maxBytes)), text, contentType };
  } catch (error) {
    if (!isUcwaDecodeError(error)) throw error;
    return ucwaError(400, 'DeserializationFailure', { message: decodeMessage(error) });
  }
}

/**
 * What was wrong and where, from the decoder's structured fields only: its own message
 * may quote an internal exception, which is no business of a client.
 */
function decodeMessage(error: UcwaDecodeError): string {
  const where = [
    error.path === undefined ? '' : ` at ${error.path}`,
    error.position?.line === undefined
      ? ''
      : ` (line ${error.position.line}, column ${error.position.column ?? '?'})`,
  ].join('');
  return `The ${error.format.toUpperCase()} body could not be read: ${error.problem}${where}.`;
}
