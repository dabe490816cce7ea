import type { RequestSummary } from './request-summary.ts';

/** Options every transport error takes (each class adds its own fields). */
export interface UcwaTransportErrorOptions {
  /** The request the error is about; its method and URL prefix the message. */
  readonly request?: RequestSummary | undefined;
  readonly cause?: unknown;
}

/** The literal names of the transport's error family. */
export type UcwaTransportErrorName =
  | 'UcwaHttpError'
  | 'UcwaPreconditionFailedError'
  | 'UcwaNetworkError'
  | 'UcwaTimeoutError'
  | 'UcwaAuthError'
  | 'UcwaOriginError'
  | 'UcwaResponseError'
  | 'UcwaLinkError';

/** A class of the family, as `markKind` and the guards see it. */
export type UcwaErrorKind = UcwaTransportErrorName | 'UcwaTransportError';

/**
 * The marker a class of the family puts on its prototype. `Symbol.for`, so two copies of
 * the package in one program recognise each other's errors; on the prototype, so every
 * subclass (a later one too) carries the markers of the classes it extends.
 */
export function kindMarker(kind: UcwaErrorKind): symbol {
  return Symbol.for(`@ucwa/transport:${kind}`);
}

/** Marks `errorClass` (and so its subclasses) as of `kind`; called once per class. */
export function markKind(
  errorClass: abstract new (...args: never[]) => Error,
  kind: UcwaErrorKind,
): void {
  Object.defineProperty(errorClass.prototype, kindMarker(kind), { value: true });
}

/** Whether `value` carries `marker` (see {@link kindMarker}). */
export function hasMarker(value: unknown, marker: symbol): boolean {
  return value instanceof Error && (value as unknown as Record<symbol, unknown>)[marker] === true;
}

/**
 * Base of every error `@ucwa/transport` throws. Every class takes `(message, options)`;
 * `options.request` (method and URL, token redacted) prefixes the message, `cause` is the
 * original error. Match with the `isUcwa*` guards: they read a marker the classes put on
 * their prototypes, so they cover subclasses and duplicated copies of the package.
 */
export abstract class UcwaTransportError extends Error {
  abstract override readonly name: UcwaTransportErrorName;
  /** The request this error is about, or `undefined` when it failed before one was built. */
  readonly request: RequestSummary | undefined;

  static {
    markKind(UcwaTransportError, 'UcwaTransportError');
  }

  constructor(message: string, options: UcwaTransportErrorOptions = {}) {
    const { request } = options;
    super(
      request === undefined ? message : `${request.method} ${request.url}: ${message}`,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.request = request;
  }
}
