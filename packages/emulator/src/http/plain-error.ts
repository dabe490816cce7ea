import { jsonCodec } from '../wire/codecs.ts';
import { ucwaError } from './errors.ts';
import type { WireResponse } from './types.ts';

/**
 * A UCWA error answered before a request reaches the pipeline (no route, no `Accept` to
 * honour yet): the JSON error body with `application/json`.
 *
 * @example
 * ```ts
 * plainError(400, 'InvalidHost', 'The Host header is not a valid host.');
 * ```
 */
export function plainError(status: number, subcode: string, message: string): WireResponse {
  const reply = ucwaError(status, subcode, { message });
  return {
    status,
    headers: [
      ['Content-Type', 'application/json; charset=utf-8'],
      ['Cache-Control', 'no-cache'],
    ],
    body: Buffer.from(jsonCodec.encodeError(reply.error), 'utf8'),
  };
}

/** 413: the body is larger than the emulator accepts. */
export const tooLarge = (): WireResponse =>
  plainError(413, 'EntityTooLarge', 'The request is too large.');

/** 500 without the internal error's text (which is no business of a client). */
export const internalError = (): WireResponse =>
  plainError(500, 'InternalError', 'The emulator failed to process the request.');
