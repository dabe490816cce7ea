import type { SessionStatus } from '@ucwa/client';
import { describeError } from './describe-error.ts';

const RECONNECT_REASONS = {
  applicationLost: 'the server lost the application; making it again',
  channelFailed: 'the event channel failed; retrying',
} as const;

/** The status as a user reads it: `ready`, `reconnecting (why)`, `signedOut (why)`. */
export function statusText(status: SessionStatus): string {
  switch (status.state) {
    case 'reconnecting':
      return `reconnecting (${RECONNECT_REASONS[status.reason.kind]})`;
    case 'signedOut': {
      const { reason } = status;
      // Only a running session is refused this way: its token ran out and renewing failed.
      if (reason.kind === 'authFailed')
        return 'signedOut (authFailed: The sign-in expired and could not be renewed; sign in again.)';
      const why = 'error' in reason ? `: ${describeError(reason.error).split('\n')[0]}` : '';
      return `signedOut (${reason.kind}${why})`;
    }
    default:
      return status.state;
  }
}

/** The error behind a status, for the event log; empty when there is none. */
export function statusDetail(status: SessionStatus): string {
  const reason =
    status.state === 'reconnecting' || status.state === 'signedOut' ? status.reason : undefined;
  if (reason === undefined || !('error' in reason)) return '';
  return reason.error instanceof Error ? reason.error.message : String(reason.error);
}
