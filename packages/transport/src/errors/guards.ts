import type { UcwaAuthError } from './auth-error.ts';
import type { UcwaHttpError } from './http-error.ts';
import type { UcwaLinkError } from './link-error.ts';
import type { UcwaNetworkError } from './network-error.ts';
import type { UcwaOriginError } from './origin-error.ts';
import type { UcwaPreconditionFailedError } from './precondition-failed-error.ts';
import type { UcwaResponseError } from './response-error.ts';
import type { UcwaTimeoutError } from './timeout-error.ts';
import { hasMarker, kindMarker, type UcwaTransportError } from './ucwa-transport-error.ts';

// Each guard reads the marker its class puts on its prototype (see `kindMarker`), so it
// holds for subclasses too (a `UcwaPreconditionFailedError` is a `UcwaHttpError`).
const FAMILY = kindMarker('UcwaTransportError');
const HTTP = kindMarker('UcwaHttpError');
const PRECONDITION = kindMarker('UcwaPreconditionFailedError');
const NETWORK = kindMarker('UcwaNetworkError');
const TIMEOUT = kindMarker('UcwaTimeoutError');
const AUTH = kindMarker('UcwaAuthError');
const ORIGIN = kindMarker('UcwaOriginError');
const RESPONSE = kindMarker('UcwaResponseError');
const LINK = kindMarker('UcwaLinkError');

/** Whether `error` is any error of `@ucwa/transport`, from this copy of the package or another. */
export function isUcwaTransportError(error: unknown): error is UcwaTransportError {
  return hasMarker(error, FAMILY);
}

/** Whether `error` is a {@link UcwaHttpError} (a {@link UcwaPreconditionFailedError} is one). */
export function isUcwaHttpError(error: unknown): error is UcwaHttpError {
  return hasMarker(error, HTTP);
}

export function isUcwaPreconditionFailedError(
  error: unknown,
): error is UcwaPreconditionFailedError {
  return hasMarker(error, PRECONDITION);
}

export function isUcwaNetworkError(error: unknown): error is UcwaNetworkError {
  return hasMarker(error, NETWORK);
}

export function isUcwaTimeoutError(error: unknown): error is UcwaTimeoutError {
  return hasMarker(error, TIMEOUT);
}

export function isUcwaAuthError(error: unknown): error is UcwaAuthError {
  return hasMarker(error, AUTH);
}

export function isUcwaOriginError(error: unknown): error is UcwaOriginError {
  return hasMarker(error, ORIGIN);
}

export function isUcwaResponseError(error: unknown): error is UcwaResponseError {
  return hasMarker(error, RESPONSE);
}

export function isUcwaLinkError(error: unknown): error is UcwaLinkError {
  return hasMarker(error, LINK);
}
