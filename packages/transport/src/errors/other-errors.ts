import {
  describeRequest,
  type RequestSummary,
  UcwaTransportError,
  type UcwaTransportErrorOptions,
} from './ucwa-transport-error.ts';

/**
 * The request never got an HTTP answer: connection refused or reset, DNS failure, a
 * redirect loop. `cause` is what `fetch` threw.
 */
export class UcwaNetworkError extends UcwaTransportError {
  override readonly name = 'UcwaNetworkError' as const;

  constructor(message: string, options: UcwaTransportErrorOptions) {
    super(`${describeRequest(options.request)}: ${message}`.replace(/^: /, ''), options);
  }
}

/** The call's `timeout` ran out before the answer (headers and body) was read. */
export class UcwaTimeoutError extends UcwaTransportError {
  override readonly name = 'UcwaTimeoutError' as const;
  /** The timeout that ran out, in milliseconds. */
  readonly timeout: number;

  constructor(timeout: number, options: UcwaTransportErrorOptions = {}) {
    const what = describeRequest(options.request);
    super(`${what === '' ? 'request' : what} timed out after ${timeout} ms`, options);
    this.timeout = timeout;
  }
}

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

  constructor(message: string, options: UcwaAuthErrorOptions) {
    super(message, options);
    this.reason = options.reason;
    this.offeredGrants = options.offeredGrants ?? [];
    this.passiveAuthUri = options.passiveAuthUri;
    this.bearer = options.bearer;
  }
}

/**
 * A URL the session does not trust: an href, `Location` or redirect pointing to another
 * origin, or plain `http:` to a host that is not loopback. Thrown before any request to
 * that URL is made, so no token leaves the process.
 */
export class UcwaOriginError extends UcwaTransportError {
  override readonly name = 'UcwaOriginError' as const;
  /** The refused URL, redacted. */
  readonly url: string;

  constructor(message: string, url: string, options: UcwaTransportErrorOptions = {}) {
    super(message, options);
    this.url = url;
  }
}

/**
 * A response the transport could not use: a content type no codec reads, or a body that
 * would not decode (`cause` is the `UcwaDecodeError`).
 */
export class UcwaResponseError extends UcwaTransportError {
  override readonly name = 'UcwaResponseError' as const;
  readonly status: number;
  /** The response's `Content-Type`, or `undefined` when it had none. */
  readonly contentType: string | undefined;

  constructor(
    message: string,
    options: UcwaTransportErrorOptions & {
      readonly request: RequestSummary;
      readonly status: number;
      readonly contentType: string | undefined;
    },
  ) {
    super(`${describeRequest(options.request)}: ${message}`, options);
    this.status = options.status;
    this.contentType = options.contentType;
  }
}
