import { markKind, UcwaTransportError } from './ucwa-transport-error.ts';

/**
 * The request never got an HTTP answer: connection refused or reset, DNS failure, a TLS
 * failure. `cause` is what `fetch` threw. (An answer that came but could not be used, a
 * redirect loop included, is a `UcwaResponseError`.)
 */
export class UcwaNetworkError extends UcwaTransportError {
  override readonly name = 'UcwaNetworkError' as const;

  static {
    markKind(UcwaNetworkError, 'UcwaNetworkError');
  }
}
