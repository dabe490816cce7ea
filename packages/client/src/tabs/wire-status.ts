import type { SessionStatus } from '../session/status.ts';
import { rebuildError } from './rebuild-error.ts';
import { encodeError, type WireError } from './wire-error.ts';

/** A {@link SessionStatus} as it crosses the channel: the reason's error as data. */
export type WireStatus =
  | { readonly state: 'signingIn' | 'ready' }
  | {
      readonly state: 'reconnecting' | 'signedOut';
      readonly kind: string;
      readonly error?: WireError | undefined;
    };

/** `status` as data another tab can read back with {@link decodeStatus}. */
export function encodeStatus(status: SessionStatus): WireStatus {
  if (status.state === 'signingIn' || status.state === 'ready') return { state: status.state };
  const { reason } = status;
  const error = 'error' in reason ? reason.error : 'cause' in reason ? reason.cause : undefined;
  return {
    state: status.state,
    kind: reason.kind,
    ...(error === undefined ? {} : { error: encodeError(error) }),
  };
}

const RECONNECT_KINDS = new Set(['applicationLost', 'channelFailed']);

/** The status another tab sent, its error rebuilt as the class that tab saw. */
export function decodeStatus(wire: WireStatus): SessionStatus {
  if (!('kind' in wire)) return { state: wire.state };
  const error = wire.error === undefined ? undefined : rebuildError(wire.error);
  if (wire.state === 'reconnecting') {
    const kind = RECONNECT_KINDS.has(wire.kind) ? wire.kind : 'channelFailed';
    return {
      state: 'reconnecting',
      reason: { kind: kind as 'applicationLost' | 'channelFailed', error },
    };
  }
  switch (wire.kind) {
    case 'signOut':
    case 'detached':
      return { state: 'signedOut', reason: { kind: wire.kind } };
    case 'aborted':
      return { state: 'signedOut', reason: { kind: 'aborted', cause: error } };
    case 'authFailed':
    case 'replaced':
      return { state: 'signedOut', reason: { kind: wire.kind, error } };
    default:
      return { state: 'signedOut', reason: { kind: 'failed', error } };
  }
}

/** Whether two statuses say the same (state and reason kind). */
export function sameStatus(a: SessionStatus, b: SessionStatus): boolean {
  const kind = (s: SessionStatus) => ('reason' in s ? s.reason.kind : undefined);
  return a.state === b.state && kind(a) === kind(b);
}
