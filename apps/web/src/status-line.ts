import type { SessionStatus } from '@ucwa/client';
import { describeError } from './describe-error.ts';

/** The status as a user reads it: `ready`, `reconnecting (why)`, `signedOut (why)`. */
export function statusText(status: SessionStatus): string {
  switch (status.state) {
    case 'reconnecting':
      return `reconnecting (${status.reason.kind}: ${describeError(status.reason.error).split('\n')[0]})`;
    case 'signedOut': {
      const { reason } = status;
      const why = 'error' in reason ? `: ${describeError(reason.error).split('\n')[0]}` : '';
      return `signedOut (${reason.kind}${why})`;
    }
    default:
      return status.state;
  }
}
