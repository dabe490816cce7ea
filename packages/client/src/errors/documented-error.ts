import {
  type CatalogError,
  catalogEntry,
  type DocumentedErrorCode,
  type DocumentedErrorSubcode,
  type HttpMethod,
} from '@ucwa/model';
import { isUcwaHttpError } from '@ucwa/transport';
import { UcwaClientError } from './ucwa-client-error.ts';

/**
 * A failure the resource's reference page documents for the method called, for example
 * 500 ServiceFailure/InvalidExchangeServerVersion, 409 Conflict/AlreadyExists or
 * TooManyGroups, 410 Gone/CannotRedirect on `audioVideo`. `cause` is the transport's
 * `UcwaHttpError` with the request and the whole answer.
 */
export class UcwaDocumentedError extends UcwaClientError {
  override readonly name = 'UcwaDocumentedError';
  readonly status: number;
  readonly code: DocumentedErrorCode;
  readonly subcode: DocumentedErrorSubcode;
  /** The rel whose page documents the error, and the method. */
  readonly rel: string;
  readonly method: HttpMethod;

  constructor(rel: string, method: HttpMethod, documented: CatalogError, cause: unknown) {
    super(
      `${method} ${rel} failed with ${documented.status} ${documented.error}/${documented.subcode}`,
      { cause },
    );
    this.rel = rel;
    this.method = method;
    this.status = documented.status;
    this.code = documented.error as DocumentedErrorCode;
    this.subcode = documented.subcode as DocumentedErrorSubcode;
  }
}

/**
 * `error` as a {@link UcwaDocumentedError} when it is an HTTP failure the catalog lists
 * for `rel` and `method` (same status, code and subcode), else `error` unchanged.
 */
export function documentedError(error: unknown, rel: string, method: HttpMethod): unknown {
  if (!isUcwaHttpError(error)) return error;
  const listed = catalogEntry(rel)?.operations[method]?.errors ?? [];
  const subcode = error.subcode ?? 'None';
  const match = listed.find(
    (e) =>
      e.status === error.status &&
      e.subcode.toLowerCase() === subcode.toLowerCase() &&
      (error.code === undefined || e.error.toLowerCase() === error.code.toLowerCase()),
  );
  return match === undefined || match.subcode === 'None'
    ? error
    : new UcwaDocumentedError(rel, method, match, error);
}
