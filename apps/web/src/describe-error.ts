import { isUcwaClientError, UcwaDiscoveryError, UcwaTabCommandError } from '@ucwa/client';

/** One sentence a user can act on, for any error the client throws. */
export function describeError(error: unknown): string {
  if (error instanceof UcwaDiscoveryError) {
    return `No UCWA server answered discovery. Is the server running and the address right?\n${error.message}`;
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (error instanceof UcwaTabCommandError && error.remoteName === 'UcwaTabNoLeader')
    return `Another tab of this user is signing in and has not finished; try again.\n${text}`;
  // The token service failing (5xx) is not a wrong password.
  const reason = error instanceof Error ? (error as { reason?: unknown }).reason : undefined;
  if (typeof reason === 'string' && /^(server_error|temporarily_unavailable|http-5)/.test(reason))
    return `The server cannot sign you in right now; try again later.\n${text}`;
  if (/UcwaAuthError|invalid_grant|password/i.test(text))
    return `Wrong user name or password.\n${text}`;
  if (/Failed to fetch|NetworkError|ECONNREFUSED|network/i.test(text)) {
    return `The server cannot be reached (is it running, and does it allow this page's origin?).\n${text}`;
  }
  if (/UcwaOperationError/.test(text)) {
    if (/Declined/.test(text)) return `The invitation was declined.\n${text}`;
    if (/TemporarilyUnavailable/.test(text)) return `They are not signed in now.\n${text}`;
    return `The server did not complete the request.\n${text}`;
  }
  if (/token|401/i.test(text)) return `The sign-in expired; sign in again.\n${text}`;
  return isUcwaClientError(error) ? text : `Unexpected failure: ${text}`;
}
