import {
  isUcwaAuthError,
  isUcwaHttpError,
  isUcwaNetworkError,
  isUcwaTimeoutError,
} from '@ucwa/transport';
import { UcwaDiscoveryError } from '../errors/discovery-error.ts';

/** Statuses below 500 that say "later", as the event channel reads them too. */
const RETRIED = new Set([408, 429]);

/**
 * Whether a failed sign-in may succeed if tried again with the same credentials: the
 * server could not be reached, timed out, or failed (5xx, 408, 429), the token service included.
 * A refusal (a wrong password: 400 invalid_grant, a refused redirect, a 403, discovery
 * that found no UCWA server although one answered) is not: trying it again at every
 * election would only send the same password again.
 */
export function isTransientFailure(error: unknown): boolean {
  if (isUcwaNetworkError(error) || isUcwaTimeoutError(error)) return true;
  if (isUcwaHttpError(error)) return error.status >= 500 || RETRIED.has(error.status);
  if (isUcwaAuthError(error))
    return /^(server_error|temporarily_unavailable|http-5\d\d|http-429|http-408)$/.test(
      error.reason,
    );
  if (error instanceof UcwaDiscoveryError)
    return error.attempts.length > 0 && error.attempts.every((a) => isTransientFailure(a.error));
  return false;
}
