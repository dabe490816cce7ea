import {
  markKind,
  UcwaTransportError,
  type UcwaTransportErrorOptions,
} from './ucwa-transport-error.ts';

/** Why authentication failed. OAuth `error` values are passed through as they came. */
export type UcwaAuthReason =
  | 'invalid_request'
  | 'invalid_grant'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'server_error'
  | 'no-challenge'
  | 'no-matching-grant'
  | 'bearer-only'
  | 'unauthorized'
  | 'provider-failed'
  | 'bad-token-response'
  | (string & {});

export interface UcwaAuthErrorOptions extends UcwaTransportErrorOptions {
  readonly reason: UcwaAuthReason;
  /** Grants the server offered in its `MsRtcOAuth` challenge. */
  readonly offeredGrants?: readonly string[] | undefined;
  /** `ms_rtc_passiveauthuri`: where passive (ADFS) sign-in continues. */
  readonly passiveAuthUri?: string | undefined;
  /** Bearer challenge parameters (`authorization_uri`, `client_id`, ...), for Azure AD sign-in. */
  readonly bearer?: Readonly<Record<string, string>> | undefined;
}

/**
 * Sign-in failed: the token endpoint refused the grant (`reason` is the OAuth `error`), the
 * server offered no grant the caller allows, the token provider threw, or the server still
 * answered 401 after a fresh token. Credentials and tokens never appear in it.
 */
export class UcwaAuthError extends UcwaTransportError {
  override readonly name = 'UcwaAuthError' as const;
  readonly reason: UcwaAuthReason;
  readonly offeredGrants: readonly string[];
  readonly passiveAuthUri: string | undefined;
  readonly bearer: Readonly<Record<string, string>> | undefined;

  static {
    markKind(UcwaAuthError, 'UcwaAuthError');
  }

  constructor(message: string, options: UcwaAuthErrorOptions) {
    super(message, options);
    this.reason = options.reason;
    this.offeredGrants = options.offeredGrants ?? [];
    this.passiveAuthUri = options.passiveAuthUri;
    this.bearer = options.bearer;
  }
}
