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
export type { BatchPartError, BatchRequest, BatchResult } from './batch/batch-request.ts';
export type { Codec, Codecs, Format, ResourceInput, TextBody } from './codecs.ts';
export type { UcwaAuthErrorOptions, UcwaAuthReason } from './errors/auth-error.ts';
export { UcwaAuthError } from './errors/auth-error.ts';
export {
  isUcwaAuthError,
  isUcwaHttpError,
  isUcwaLinkError,
  isUcwaNetworkError,
  isUcwaOriginError,
  isUcwaPreconditionFailedError,
  isUcwaResponseError,
  isUcwaTimeoutError,
  isUcwaTransportError,
} from './errors/guards.ts';
export type { HttpErrorResponse, UcwaHttpErrorOptions } from './errors/http-error.ts';
export { UcwaHttpError } from './errors/http-error.ts';
export type { UcwaLinkErrorOptions } from './errors/link-error.ts';
export { UcwaLinkError } from './errors/link-error.ts';
export { UcwaNetworkError } from './errors/network-error.ts';
export type { UcwaOriginErrorOptions } from './errors/origin-error.ts';
export { UcwaOriginError } from './errors/origin-error.ts';
export type { UcwaPreconditionFailedErrorOptions } from './errors/precondition-failed-error.ts';
export { UcwaPreconditionFailedError } from './errors/precondition-failed-error.ts';
export type { RequestSummary } from './errors/request-summary.ts';
export type { UcwaResponseErrorOptions } from './errors/response-error.ts';
export { UcwaResponseError } from './errors/response-error.ts';
export type { UcwaTimeoutErrorOptions } from './errors/timeout-error.ts';
export { UcwaTimeoutError } from './errors/timeout-error.ts';
export type {
  UcwaTransportErrorName,
  UcwaTransportErrorOptions,
} from './errors/ucwa-transport-error.ts';
export { UcwaTransportError } from './errors/ucwa-transport-error.ts';
export type { CallOptions, GetOptions } from './http/call-options.ts';
export type { FetchExtras, FetchLike } from './http/fetch-like.ts';
export type { BytesAnswer } from './http/get-bytes.ts';
export type { UcwaResponse } from './http/ucwa-response.ts';
export type { Logger } from './logger.ts';
export type { QueryParameters } from './origin-policy.ts';
export type { RetryOptions } from './retry/retry-options.ts';
export type { Timers } from './signals.ts';
export type { FollowOptions, Transport } from './transport.ts';
export { createTransport } from './transport.ts';
export type { TransportOptions } from './transport-options.ts';
