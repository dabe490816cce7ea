import type { DecodeOptions } from '@ucwa/model';
import { decodeDocument } from './parse.ts';
import { expected, type JsonObject, readOptionalString, readString, type Walk } from './walk.ts';

/**
 * A successful answer of the OAuth token endpoint (AuthenticationInUCWA.md,
 * CreateAnApplication.md): `access_token`, `token_type`, `expires_in`,
 * `ms_rtc_identityscope`.
 */
export interface TokenResponse {
  /** The token for `Authorization: <tokenType> <accessToken>`; a secret: never log it. */
  readonly accessToken: string;
  /** `Bearer` in every example. */
  readonly tokenType: string;
  /** Lifetime in seconds (8 hours for users, 1 hour for anonymous meeting join). */
  readonly expiresIn?: number;
  /** `ms_rtc_identityscope`, e.g. `local`. */
  readonly identityScope?: string;
}

/** A failed answer of the token endpoint: `{ "error": "invalid_grant", ... }`. */
export interface TokenError {
  /** `invalid_request`, `invalid_grant`, `unsupported_grant_type`, `invalid_scope`, `server_error`. */
  readonly error: string;
  readonly errorDescription?: string;
  readonly errorUri?: string;
  /** `ms_rtc_passiveauthuri`: where passive (ADFS) sign-in continues. */
  readonly passiveAuthUri?: string;
}

type Fields = { [key: string]: unknown };

/** Model field ← wire field, in the order the examples write them. */
const RESPONSE = [
  ['accessToken', 'access_token'],
  ['tokenType', 'token_type'],
  ['expiresIn', 'expires_in'],
  ['identityScope', 'ms_rtc_identityscope'],
] as const;
const ERROR = [
  ['error', 'error'],
  ['errorDescription', 'error_description'],
  ['errorUri', 'error_uri'],
  ['passiveAuthUri', 'ms_rtc_passiveauthuri'],
] as const;

/** The optional string fields of `table` that `object` carries, by model name. */
function readOptional(
  walk: Walk,
  object: JsonObject,
  table: readonly (readonly [string, string])[],
): Fields {
  const out: Fields = {};
  for (const [name, wire] of table) {
    const value = readOptionalString(walk, object[wire], wire);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

function readRequired(walk: Walk, value: unknown, key: string): string {
  return value === '' ? expected(walk, 'a non-empty string', key) : readString(walk, value, key);
}

function readTokenResponse(walk: Walk, object: JsonObject): TokenResponse {
  const seconds = object.expires_in;
  // Seconds as a number; some servers send them as a string.
  const expiresIn =
    typeof seconds === 'string' && /^\d{1,12}$/.test(seconds) ? Number(seconds) : seconds;
  if (
    expiresIn != null &&
    !(typeof expiresIn === 'number' && expiresIn >= 0 && expiresIn < Infinity)
  ) {
    expected(walk, 'a number of seconds', 'expires_in');
  }
  const { identityScope } = readOptional(walk, object, RESPONSE.slice(3));
  return {
    accessToken: readRequired(walk, object.access_token, 'access_token'),
    tokenType: readRequired(walk, object.token_type, 'token_type'),
    ...(expiresIn == null ? {} : { expiresIn: expiresIn as number }),
    ...(identityScope === undefined ? {} : { identityScope: identityScope as string }),
  };
}

function readTokenError(walk: Walk, object: JsonObject): TokenError {
  return {
    ...readOptional(walk, object, ERROR.slice(1)),
    error: readRequired(walk, object.error, 'error'),
  };
}

function write(model: object, table: readonly (readonly [string, string])[]): string {
  const out: Fields = {};
  for (const [name, wire] of table) out[wire] = (model as Fields)[name];
  // JSON.stringify leaves out the undefined ones.
  return JSON.stringify(out);
}

/**
 * Decodes the token endpoint's 200 answer. Messages name fields, never their values.
 *
 * @example
 * ```ts
 * const { accessToken, expiresIn } = decodeTokenResponse(
 *   '{"access_token":"cwt=AAEB...","token_type":"Bearer","expires_in":28289}',
 * );
 * ```
 */
export function decodeTokenResponse(text: string, options?: DecodeOptions): TokenResponse {
  return decodeDocument(text, options, readTokenResponse);
}

/**
 * Decodes the token endpoint's 400 answer.
 *
 * @example
 * ```ts
 * decodeTokenError('{"error":"invalid_grant"}').error; // 'invalid_grant'
 * ```
 */
export function decodeTokenError(text: string, options?: DecodeOptions): TokenError {
  return decodeDocument(text, options, readTokenError);
}

/** The token endpoint's 200 answer, for the emulator. */
export function encodeTokenResponse(token: TokenResponse): string {
  return write(token, RESPONSE);
}

/** The token endpoint's 400 answer, for the emulator. */
export function encodeTokenError(error: TokenError): string {
  return write(error, ERROR);
}
