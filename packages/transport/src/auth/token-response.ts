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

function object(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads `{ access_token, token_type, expires_in }`; `undefined` when it is not one.
 * OAuth JSON, not a UCWA document, so it is read here rather than by a codec. `expires_in`
 * may come as a string of digits.
 */
export function readTokenAnswer(text: string): TokenAnswer | undefined {
  const body = object(text);
  const token = body?.access_token;
  if (typeof token !== 'string' || token === '') return undefined;
  if (typeof body?.token_type === 'string' && body.token_type.toLowerCase() !== 'bearer')
    return undefined;
  const raw = body?.expires_in;
  const seconds = typeof raw === 'string' && /^\d{1,12}$/.test(raw) ? Number(raw) : raw;
  const expiresIn =
    typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
  return { accessToken: token, expiresIn };
}

/** Reads an OAuth error answer; `undefined` when it is not one (a proxy's page, say). */
export function readTokenRefusal(text: string): TokenRefusal | undefined {
  const body = object(text);
  if (typeof body?.error !== 'string' || body.error === '') return undefined;
  const passive = body.ms_rtc_passiveauthuri;
  return { error: body.error, passiveAuthUri: typeof passive === 'string' ? passive : undefined };
}
