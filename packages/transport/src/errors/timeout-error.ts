import {
  markKind,
  UcwaTransportError,
  type UcwaTransportErrorOptions,
} from './ucwa-transport-error.ts';

export interface UcwaTimeoutErrorOptions extends UcwaTransportErrorOptions {
  /** The timeout that ran out, in milliseconds. */
  readonly timeout: number;
}

/** The call's `timeout` ran out before the answer (headers and body) was read. */
export class UcwaTimeoutError extends UcwaTransportError {
  override readonly name = 'UcwaTimeoutError' as const;
  /** The timeout that ran out, in milliseconds. */
  readonly timeout: number;

  static {
    markKind(UcwaTimeoutError, 'UcwaTimeoutError');
  }

  constructor(message: string, options: UcwaTimeoutErrorOptions) {
    super(message, options);
    this.timeout = options.timeout;
  }
}
