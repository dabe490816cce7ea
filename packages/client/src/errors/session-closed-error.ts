import { UcwaClientError } from './ucwa-client-error.ts';

/** A call on a session that has signed out (or failed for good); `reason` says why. */
export class UcwaSessionClosedError extends UcwaClientError {
  override readonly name = 'UcwaSessionClosedError';
  readonly reason: unknown;

  constructor(what: string, reason: unknown) {
    super(`${what}: the session is signed out`, { cause: reason });
    this.reason = reason;
  }
}
