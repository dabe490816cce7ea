import {
  isUcwaAuthError,
  isUcwaHttpError,
  isUcwaNetworkError,
  isUcwaTimeoutError,
} from '@ucwa/transport';
import { UcwaDiscoveryError } from '../errors/discovery-error.ts';

/**
 * Whether a failed sign-in may succeed if tried again with the same credentials: the
 * server could not be reached, timed out, or failed (5xx, 429), the token service included.
 * A refusal (a wrong password: 400 invalid_grant, a refused redirect, a 403, discovery
 * that found no UCWA server although one answered) is not: trying it again at every
 * election would only send the same password again.
 */
export function isTransientFailure(error: unknown): boolean {
  if (isUcwaNetworkError(error) || isUcwaTimeoutError(error)) return true;
  if (isUcwaHttpError(error)) return error.status >= 500 || error.status === 429;
  if (isUcwaAuthError(error))
    return /^(server_error|temporarily_unavailable|http-5\d\d|http-429)$/.test(error.reason);
  if (error instanceof UcwaDiscoveryError)
    return error.attempts.length > 0 && error.attempts.every((a) => isTransientFailure(a.error));
  return false;
}
