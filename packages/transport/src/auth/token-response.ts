import { decodeTokenError, decodeTokenResponse } from '@ucwa/codec-json/oauth';

/** The token endpoint's 200 answer (AuthenticationInUCWA.md). */
export interface TokenAnswer {
  readonly accessToken: string;
  /** Lifetime in seconds, when the server said. */
  readonly expiresIn: number | undefined;
}

/** The token endpoint's 400 answer: `{ "error": "invalid_grant", "ms_rtc_passiveauthuri"?: ... }`. */
export interface TokenRefusal {
  readonly error: string;
  readonly passiveAuthUri: string | undefined;
}

/**
 * Reads `{ access_token, token_type, expires_in }` through `@ucwa/codec-json/oauth`;
 * `undefined` when it is not one (RFC 6749 §5.1 requires `token_type`), or names a
 * token type other than Bearer, the only one UCWA sends.
 */
export function readTokenAnswer(text: string): TokenAnswer | undefined {
  try {
    const answer = decodeTokenResponse(text);
    if (answer.tokenType.toLowerCase() !== 'bearer') return undefined;
    return { accessToken: answer.accessToken, expiresIn: answer.expiresIn };
  } catch {
    return undefined;
  }
}

/** Reads an OAuth error answer; `undefined` when it is not one (a proxy's page, say). */
export function readTokenRefusal(text: string): TokenRefusal | undefined {
  try {
    const refusal = decodeTokenError(text);
    return { error: refusal.error, passiveAuthUri: refusal.passiveAuthUri };
  } catch {
    return undefined;
  }
}
