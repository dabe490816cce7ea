import { markKind, UcwaTransportError } from './ucwa-transport-error.ts';

/**
 * The request never got an HTTP answer: connection refused or reset, DNS failure, a
 * redirect loop. `cause` is what `fetch` threw.
 */
export class UcwaNetworkError extends UcwaTransportError {
  override readonly name = 'UcwaNetworkError' as const;

  static {
    markKind(UcwaNetworkError, 'UcwaNetworkError');
  }
}
