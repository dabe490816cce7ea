import type { Session } from '../session/session.ts';
import { coreOf } from '../session/session-object.ts';
import type { SessionStatus } from '../session/status.ts';
import { emit, type TabListeners } from './tab-listeners.ts';
import type { TabMessage } from './tab-messages.ts';
import { encodeStatus } from './wire-status.ts';

/** What the leading tab relays with. */
export interface LeaderOutlet {
  readonly id: string;
  readonly post: (message: TabMessage) => void;
  readonly listeners: TabListeners;
  /** This tab's own record of the status (its listeners, the end of the election). */
  readonly apply: (status: SessionStatus) => void;
  /** The leading session's P-GET was replaced (another tab leads now): stop leading. */
  readonly stepDown: () => void;
}

/**
 * Relays what the leading session sees to every tab, this one included: its events, its
 * channel's `resync`/`resume`, and every status (a detach is this tab leaving, not the
 * application ending; a replaced P-GET means another tab took over, after this one was too
 * slow to beat, as in a throttled background tab). After a recreated application, each tab sets up again.
 */
export function relayLeader(session: Session, out: LeaderOutlet): void {
  session.on({}, (event, sender) => {
    out.post({ t: 'event', event, sender });
    out.listeners.deliver(event, sender);
  });
  coreOf(session)?.rebuildListeners.add((resumed) => {
    out.post({ t: 'rebuild', resumed });
    emit(out.listeners.rebuildListeners, resumed);
  });
  let lost = false;
  const announce = (status: SessionStatus): void => {
    if (status.state === 'signedOut' && status.reason.kind === 'detached') return;
    if (status.state === 'signedOut' && status.reason.kind === 'replaced') {
      out.stepDown();
      return;
    }
    if (status.state === 'reconnecting' && status.reason.kind === 'applicationLost') lost = true;
    if (status.state === 'ready' && lost) {
      lost = false;
      const snapshot = session.snapshot();
      out.post({ t: 'restore', snapshot });
      emit(out.listeners.restoreListeners, snapshot);
    }
    out.post({ t: 'status', id: out.id, status: encodeStatus(status) });
    out.apply(status);
  };
  session.onStatus(announce);
  announce(session.status);
}
