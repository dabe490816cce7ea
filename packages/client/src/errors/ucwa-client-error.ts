/** The literal names of `@ucwa/client`'s error family. */
export type UcwaClientErrorName =
  | 'UcwaDiscoveryError'
  | 'UcwaRedirectRefusedError'
  | 'UcwaSessionClosedError'
  | 'UcwaDocumentedError'
  | 'UcwaTabCommandError';

/** Base of every error `@ucwa/client` throws itself; transport errors pass through as they are. */
export abstract class UcwaClientError extends Error {
  abstract override readonly name: UcwaClientErrorName;
  /** Marks the family, so {@link isUcwaClientError} covers later subclasses too. */
  readonly isUcwaClientError = true;

  constructor(message: string, options?: { readonly cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
  }
}

/** Whether `error` belongs to `@ucwa/client`'s error family. */
export function isUcwaClientError(error: unknown): error is UcwaClientError {
  return error instanceof Error && (error as Partial<UcwaClientError>).isUcwaClientError === true;
}
