import {
  isUcwaAuthError,
  isUcwaClientError,
  isUcwaHttpError,
  isUcwaNetworkError,
  isUcwaOperationError,
  isUcwaTimeoutError,
  isUcwaTransportError,
  UcwaDiscoveryError,
  UcwaTabCommandError,
} from '@ucwa/client';

/** OAuth reasons (and the transport's `http-5xx`) that say the token service is down, not the user wrong. */
const UNAVAILABLE = /^(server_error|temporarily_unavailable|http-5)/;

/** The sentence for a sign-in the token service refused. */
function authSentence(reason: string): string {
  if (UNAVAILABLE.test(reason)) return 'The server cannot sign you in right now; try again later.';
  if (reason === 'invalid_grant') return 'Wrong user name or password.';
  return `The server refused the sign-in (${reason}).`;
}

/** The sentence for an operation (an invitation, a join) that completed with Failure. */
function operationSentence(code: string | undefined, subcode: string | undefined): string {
  if (subcode === 'Declined') return 'The invitation was declined.';
  if (subcode === 'TemporarilyUnavailable') return 'They are not signed in now.';
  if (code === 'Forbidden') return 'You were not let into the meeting.';
  return 'The server did not complete the request.';
}

/** One sentence a user can act on, for any error the client throws, then its details. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (error instanceof UcwaDiscoveryError)
    return `No UCWA server answered discovery. Is the server running and the address right?\n${text}`;
  if (error instanceof UcwaTabCommandError && error.remoteName === 'UcwaTabNoLeader')
    return `Another tab of this user is signing in and has not finished; try again.\n${text}`;
  if (isUcwaAuthError(error)) return `${authSentence(error.reason)}\n${text}`;
  if (isUcwaNetworkError(error) || isUcwaTimeoutError(error))
    return `The server cannot be reached (is it running, and does it allow this page's origin?).\n${text}`;
  if (isUcwaOperationError(error))
    return `${operationSentence(error.reason?.code, error.reason?.subcode)}\n${text}`;
  if (isUcwaHttpError(error) && error.status === 401)
    return `The sign-in expired; sign in again.\n${text}`;
  // The server's own answer (a 409, a 404, ...) is said as it came.
  return isUcwaClientError(error) || isUcwaTransportError(error)
    ? text
    : `Unexpected failure: ${text}`;
}
