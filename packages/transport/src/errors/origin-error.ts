import {
  markKind,
  UcwaTransportError,
  type UcwaTransportErrorOptions,
} from './ucwa-transport-error.ts';

export interface UcwaOriginErrorOptions extends UcwaTransportErrorOptions {
  /** The refused URL, redacted. */
  readonly url: string;
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

  static {
    markKind(UcwaOriginError, 'UcwaOriginError');
  }

  constructor(message: string, options: UcwaOriginErrorOptions) {
    super(message, options);
    this.url = options.url;
  }
}
