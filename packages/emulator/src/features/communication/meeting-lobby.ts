import type { Comm } from './comm-core.ts';
import { convPath, participantHref, participantResource } from './comm-resources.ts';
import { type Conversation, type Invitation, leads, others, type Party } from './comm-state.ts';
import { joinRoster } from './roster.ts';

// The lobby of a scheduled meeting (lobby_ref.md, admit_ref.md, reject_ref.md,
// onlineMeetingInvitation_ref.md). A joiner who may not bypass it waits with its
// conversation Connecting, outside the thread's members; the leaders in the meeting see it
// as a participant `in` their conversation's lobby, with `admit` and `reject`.

/** `participant` added/deleted `in` the lobby of a leader's conversation (lobby_ref.md). */
function lobbyEvent(comm: Comm, leader: Conversation, p: Party, type: 'added' | 'deleted'): void {
  comm.fromConversation(leader, 'participant', participantHref(leader, p), type, {
    in: { rel: 'lobby', href: convPath(leader, 'lobby') },
    ...(type === 'added' ? { resource: participantResource(leader, p) } : {}),
  });
}

/** The leaders' conversations in the meeting now. */
const leadersIn = (c: Conversation): Conversation[] => [...c.thread.members].filter(leads);

/** The conversations of the user `id` waiting in the lobby of `c`'s meeting. */
export const waiting = (c: Conversation, id: string): Conversation[] =>
  [...c.thread.lobby].filter((w) => w.local.id === id);

/** The joiner's outgoing onlineMeetingInvitation, still Connecting. */
export function pendingJoin(comm: Comm, c: Conversation): Invitation | undefined {
  for (const i of comm.apps.peek(c.app)?.invitations.values() ?? [])
    if (i.conversation === c && i.kind === 'onlineMeeting' && i.state === 'Connecting') return i;
  return undefined;
}

/** `c` waits in the lobby: out of the roster, shown to every leader in the meeting. */
export function enterLobby(comm: Comm, c: Conversation): void {
  c.thread.members.delete(c);
  const shown = waiting(c, c.local.id).length > 0;
  c.thread.lobby.add(c);
  if (!shown) for (const leader of leadersIn(c)) lobbyEvent(comm, leader, c.local, 'added');
}

/** `c` leaves the lobby (admitted, rejected or gone): the leaders see it go. */
export function leaveLobby(comm: Comm, c: Conversation): void {
  if (!c.thread.lobby.delete(c) || waiting(c, c.local.id).length > 0) return;
  for (const leader of leadersIn(c)) lobbyEvent(comm, leader, c.local, 'deleted');
}

/** A leader now in the meeting sees who waits in its lobby. */
function showLobbyTo(comm: Comm, c: Conversation): void {
  if (!leads(c)) return;
  const shown = new Set<string>();
  for (const w of c.thread.lobby) {
    if (shown.has(w.local.id)) continue;
    shown.add(w.local.id);
    lobbyEvent(comm, c, w.local, 'added');
  }
}

/**
 * `c` joins the meeting's roster: each side sees the other `added`, the conversation is
 * `updated` to Connected, and the join invitation `completed` with success once the user is
 * in the roster (onlineMeetingInvitation_ref.md). A leader then sees the lobby.
 */
export function admitToMeeting(comm: Comm, c: Conversation, invitation: Invitation): void {
  c.thread.members.add(c);
  joinRoster(comm, c, others(c));
  c.state = 'Connected';
  invitation.state = 'Connected';
  comm.conversationChanged(c, 'updated');
  comm.invitationEvent(invitation, 'completed');
  showLobbyTo(comm, c);
}
