import type { Comm } from './comm-core.ts';
import type { Conversation } from './comm-state.ts';

/**
 * `c` joins the roster of each of `sides` (the other conversations of its meeting): each
 * sees the newcomer as a participant, `c` sees each of them (once), and each side's
 * conversation is `updated` (onlineMeetingInvitation_ref.md: the invitation completes once
 * the participant is in the roster).
 */
export function joinRoster(comm: Comm, c: Conversation, sides: Iterable<Conversation>): void {
  for (const other of sides) {
    if (!c.participants.has(other.local.id)) {
      c.participants.set(other.local.id, other.local);
      comm.participantAdded(c, other.local);
    }
    other.participants.set(c.local.id, c.local);
    comm.participantAdded(other, c.local);
    comm.conversationChanged(other, 'updated');
  }
}
