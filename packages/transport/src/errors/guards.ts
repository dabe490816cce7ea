import type { UcwaHttpError } from './http-error.ts';
import type {
  UcwaAuthError,
  UcwaNetworkError,
  UcwaOriginError,
  UcwaResponseError,
  UcwaTimeoutError,
} from './other-errors.ts';
import type { UcwaPreconditionFailedError } from './precondition-failed-error.ts';
import type { UcwaTransportError, UcwaTransportErrorName } from './ucwa-transport-error.ts';

const NAMES: ReadonlySet<string> = new Set<UcwaTransportErrorName>([
  'UcwaHttpError',
  'UcwaPreconditionFailedError',
  'UcwaNetworkError',
  'UcwaTimeoutError',
  'UcwaAuthError',
  'UcwaOriginError',
  'UcwaResponseError',
]);

function named(error: unknown, ...names: string[]): boolean {
  return error instanceof Error && names.includes(error.name);
}

/** Whether `error` is any error of `@ucwa/transport` (compared by `name`). */
export function isUcwaTransportError(error: unknown): error is UcwaTransportError {
  return error instanceof Error && NAMES.has(error.name);
}

/** Whether `error` is a {@link UcwaHttpError} (a {@link UcwaPreconditionFailedError} is one). */
export function isUcwaHttpError(error: unknown): error is UcwaHttpError {
  return named(error, 'UcwaHttpError', 'UcwaPreconditionFailedError');
}

export function isUcwaPreconditionFailedError(
  error: unknown,
): error is UcwaPreconditionFailedError {
  return named(error, 'UcwaPreconditionFailedError');
}

export function isUcwaNetworkError(error: unknown): error is UcwaNetworkError {
  return named(error, 'UcwaNetworkError');
}

export function isUcwaTimeoutError(error: unknown): error is UcwaTimeoutError {
  return named(error, 'UcwaTimeoutError');
}

export function isUcwaAuthError(error: unknown): error is UcwaAuthError {
  return named(error, 'UcwaAuthError');
}

export function isUcwaOriginError(error: unknown): error is UcwaOriginError {
  return named(error, 'UcwaOriginError');
}

export function isUcwaResponseError(error: unknown): error is UcwaResponseError {
  return named(error, 'UcwaResponseError');
}
