/** Where a token request comes from. */
export type TokenReason = 'initial' | 'expiring' | 'unauthorized';

/** An access token and when it stops working. */
export interface AccessToken {
  /** The bearer token; a secret: it goes only into `Authorization` to trusted origins. */
  readonly accessToken: string;
  /** Epoch milliseconds after which the token is no longer valid; `undefined`: unknown. */
  readonly expiresAt?: number;
}

/** What a {@link TokenProvider} is asked for. */
export interface TokenRequest {
  /** The UCWA origin the token is for. */
  readonly origin: string;
  /** Why: the first request, a token about to expire, or a 401. */
  readonly reason: TokenReason;
  readonly signal?: AbortSignal;
}

/**
 * Any OAuth source (MSAL, ADFS, a test): the transport asks it for a token when it has
 * none, when the current one is about to expire, and once after a 401.
 *
 * @example
 * ```ts
 * const auth: TokenProvider = {
 *   async getToken({ signal }) {
 *     const result = await msal.acquireTokenSilent({ scopes, signal });
 *     return { accessToken: result.accessToken, expiresAt: result.expiresOn.getTime() };
 *   },
 * };
 * ```
 */
export interface TokenProvider {
  getToken(request: TokenRequest): Promise<AccessToken>;
}

/** The password grant: user name and password posted to the token endpoint. */
export interface PasswordCredentials {
  readonly grant?: 'password';
  readonly username: string;
  readonly password: string;
}

/** Integrated Windows authentication: the browser or OS negotiates at the token endpoint. */
export interface WindowsCredentials {
  readonly grant: 'windows';
}

/** Anonymous meeting join with the conference URI and key; renewed with `ms_rtc_renew`. */
export interface AnonMeetingCredentials {
  readonly grant: 'anonmeeting';
  /** `<organizer SIP URI>;gruu;opaque=app:conf:focus:id:<conference id>`. */
  readonly conferenceUri: string;
  /** The conference key. */
  readonly password: string;
}

/** Passive (ADFS) sign-in; a refusal carries `passiveAuthUri` where the user signs in. */
export interface PassiveCredentials {
  readonly grant: 'passive';
}

/** Credentials for the built-in MsRtcOAuth flow (AuthenticationInUCWA.md). */
export type Credentials =
  | PasswordCredentials
  | WindowsCredentials
  | AnonMeetingCredentials
  | PassiveCredentials;

/** The `auth` option: a token provider, credentials, or several credentials in order of preference. */
export type AuthOption = TokenProvider | Credentials | readonly Credentials[];

/** The `grant_type` value of each built-in grant. */
export const GRANT_TYPES = {
  password: 'password',
  windows: 'urn:microsoft.rtc:windows',
  anonmeeting: 'urn:microsoft.rtc:anonmeeting',
  passive: 'urn:microsoft.rtc:passive',
} as const;

export function isTokenProvider(auth: AuthOption): auth is TokenProvider {
  return !Array.isArray(auth) && typeof (auth as Partial<TokenProvider>).getToken === 'function';
}

export function grantOf(credentials: Credentials): string {
  return GRANT_TYPES[credentials.grant ?? 'password'];
}

/**
 * The first credentials whose grant the server offers, or `undefined`. A challenge
 * without a `grant_type` list is taken to offer every grant.
 */
export function pickCredentials(
  allowed: readonly Credentials[],
  offered: readonly string[],
): Credentials | undefined {
  if (offered.length === 0) return allowed[0];
  const set = new Set(offered.map((grant) => grant.toLowerCase()));
  return allowed.find((credentials) => set.has(grantOf(credentials).toLowerCase()));
}

/**
 * The form body of a token request. `renew` is the token being renewed, sent as
 * `ms_rtc_renew` for anonymous meeting join so the same anonymous identity is kept.
 */
export function tokenForm(credentials: Credentials, renew?: string): URLSearchParams {
  const form = new URLSearchParams({ grant_type: grantOf(credentials) });
  switch (credentials.grant) {
    case undefined:
    case 'password':
      form.set('username', credentials.username);
      form.set('password', credentials.password);
      break;
    case 'anonmeeting':
      form.set('password', credentials.password);
      form.set('ms_rtc_conferenceuri', credentials.conferenceUri);
      if (renew !== undefined) form.set('ms_rtc_renew', renew);
      break;
    default:
      break;
  }
  return form;
}
