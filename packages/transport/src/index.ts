export type {
  AccessToken,
  AnonMeetingCredentials,
  AuthOption,
  Credentials,
  PassiveCredentials,
  PasswordCredentials,
  TokenProvider,
  TokenReason,
  TokenRequest,
  WindowsCredentials,
} from './auth/credentials.ts';
export type { Challenge, MsRtcOAuthChallenge } from './auth/www-authenticate.ts';
export { parseWwwAuthenticate } from './auth/www-authenticate.ts';
export type { BatchRequest, BatchResult } from './batch/batch-request.ts';
export type {
  Codec,
  CodecDecodeOptions,
  Codecs,
  Format,
  ResourceInput,
  TextBody,
} from './codecs.ts';
export {
  isUcwaAuthError,
  isUcwaHttpError,
  isUcwaNetworkError,
  isUcwaOriginError,
  isUcwaPreconditionFailedError,
  isUcwaResponseError,
  isUcwaTimeoutError,
  isUcwaTransportError,
} from './errors/guards.ts';
export type { HttpErrorResponse } from './errors/http-error.ts';
export { UcwaHttpError } from './errors/http-error.ts';
export type { UcwaAuthReason } from './errors/other-errors.ts';
export {
  UcwaAuthError,
  UcwaNetworkError,
  UcwaOriginError,
  UcwaResponseError,
  UcwaTimeoutError,
} from './errors/other-errors.ts';
export { UcwaPreconditionFailedError } from './errors/precondition-failed-error.ts';
export type { RequestSummary, UcwaTransportErrorName } from './errors/ucwa-transport-error.ts';
export { UcwaTransportError } from './errors/ucwa-transport-error.ts';
export type { CallOptions, GetOptions } from './http/call-options.ts';
export type { FetchExtras, FetchLike } from './http/fetch-like.ts';
export type { UcwaResponse } from './http/ucwa-response.ts';
export type { Logger } from './logger.ts';
export type { PropertyChanges } from './operations/put.ts';
export type { QueryParameters } from './origin-policy.ts';
export { isLoopbackHost } from './origin-policy.ts';
export { redactUrl } from './redact.ts';
export type { RetryOptions } from './retry/retry-options.ts';
export { RETRY_DEFAULTS } from './retry/retry-options.ts';
export { selectLink } from './select-link.ts';
export type { Timers } from './signals.ts';
export type { FollowOptions, Transport } from './transport.ts';
export { createTransport } from './transport.ts';
export type { TransportOptions } from './transport-options.ts';
export { TRANSPORT_DEFAULTS } from './transport-options.ts';
