import {
  markKind,
  UcwaTransportError,
  type UcwaTransportErrorOptions,
} from './ucwa-transport-error.ts';

export interface UcwaResponseErrorOptions extends UcwaTransportErrorOptions {
  readonly status: number;
  readonly contentType: string | undefined;
}

/**
 * An answer the transport could not use although the network delivered it: a content type
 * no codec reads, a body that would not decode (`cause` is the `UcwaDecodeError`) or is
 * larger than `maxBytes`, an invalid redirect or `Location`, a malformed batch part.
 */
export class UcwaResponseError extends UcwaTransportError {
  override readonly name = 'UcwaResponseError' as const;
  readonly status: number;
  /** The response's `Content-Type`, or `undefined` when it had none. */
  readonly contentType: string | undefined;

  static {
    markKind(UcwaResponseError, 'UcwaResponseError');
  }

  constructor(message: string, options: UcwaResponseErrorOptions) {
    super(message, options);
    this.status = options.status;
    this.contentType = options.contentType;
  }
}
