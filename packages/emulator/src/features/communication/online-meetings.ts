import { type Conference, conferenceUri } from '../../core/conferences.ts';
import { ucwaError } from '../../http/errors.ts';
import type { Reply } from '../../http/types.ts';
import type { RouteContext } from '../feature.ts';
import { bodyOrQuery, text } from '../input.ts';
import { created } from '../replies.ts';
import type { RouteSpec } from '../route-table.ts';
import type { Comm } from './comm-core.ts';
import { invitationHref } from './comm-resources.ts';
import { bypassesLobby, newConversation, type Party, type Thread } from './comm-state.ts';
import { getInvitation, newInvitation, operationIdOf } from './invitations.ts';
import { admitToMeeting, enterLobby } from './meeting-lobby.ts';

const INVITATIONS = 'communication/onlineMeetingInvitations';

/**
 * The meeting a join asks for: one that exists (`host.conferences`: scheduled, assigned or
 * ad hoc), or a new ad hoc meeting of the user when no URI (or `adhoc`, as
 * `startOnlineMeeting` sends) is given (joinOnlineMeeting_ref.md).
 */
function meetingOf(
  comm: Comm,
  ctx: RouteContext,
  asked: string | undefined,
): Conference | undefined {
  if (asked !== undefined && asked.toLowerCase() !== 'adhoc')
    return comm.host.conferences.find(asked);
  const key = comm.host.ids.hex(10).toUpperCase();
  const meeting = { uri: conferenceUri(ctx.user.address, key), key, organizer: ctx.user.address };
  comm.adhoc.set(meeting.uri.toLowerCase(), meeting);
  return meeting;
}

/** The thread everyone in the meeting shares, made by the first one to join. */
function threadOf(comm: Comm, ctx: RouteContext, uri: string): Thread {
  const id = uri.toLowerCase();
  const found = comm.meetings.get(id);
  if (found !== undefined && (found.members.size > 0 || found.lobby.size > 0)) return found;
  const thread: Thread = {
    threadId: text(ctx.input, 'threadId') ?? comm.host.ids.hex(32),
    subject: text(ctx.input, 'subject') ?? '',
    importance: text(ctx.input, 'importance') ?? 'Normal',
    members: new Set(),
    lobby: new Set(),
    onlineMeetingUri: uri,
  };
  comm.meetings.set(id, thread);
  return thread;
}

/**
 * POST joinOnlineMeeting: 201 with the onlineMeetingInvitation's Location; on the event
 * channel the invitation `started`, the conversation `added`, the local participant and
 * those already in the meeting `added` (each of them sees the newcomer), the conversation
 * `updated` to Connected, and the invitation `completed` with success once the user is
 * in the roster (onlineMeetingInvitation_ref.md). A user the meeting's access level does not
 * let in at once waits in its lobby instead, the invitation Connecting (meeting-lobby.ts). A
 * meeting that does not exist: 404 DestinationNotFound; an anonymous identity asking for
 * another meeting than its own (or an ad hoc one): 403.
 */
export function joinOnlineMeeting(comm: Comm, ctx: RouteContext): Reply {
  const asked = bodyOrQuery(ctx.input, ctx.query, 'onlineMeetingUri');
  // An anonymous identity may join the meeting its web ticket names, and no other.
  const own = ctx.app.conferenceUri?.toLowerCase();
  if (ctx.app.anonymous && (own === undefined || asked?.trim().toLowerCase() !== own))
    return ucwaError(403, undefined, {
      message: 'The meeting is not the one the anonymous web ticket was issued for.',
    });
  const meeting = meetingOf(comm, ctx, asked);
  if (meeting === undefined)
    return ucwaError(404, 'DestinationNotFound', { message: 'The meeting could not be found.' });
  const thread = threadOf(comm, ctx, meeting.uri);
  // The settings as the organizer last left them decide who waits in the lobby.
  thread.access = meeting.access;
  const c = newConversation(comm.host.ids.hex(8), ctx.app, thread, comm.host.clock.now());
  comm.apps.get(ctx.app).conversations.set(c.id, c);
  const focus: Party = { id: meeting.uri, uri: meeting.uri, name: meeting.uri };
  const invitation = newInvitation(comm, {
    kind: 'onlineMeeting',
    direction: 'Outgoing',
    conversation: c,
    ...operationIdOf(ctx),
    from: c.local,
    to: focus,
  });
  comm.invitationEvent(invitation, 'started');
  comm.conversationChanged(c, 'added');
  const admitted = bypassesLobby(meeting.access, meeting.organizer, ctx.app);
  if (!admitted) enterLobby(comm, c);
  comm.localParticipantAdded(c);
  if (admitted) admitToMeeting(comm, c, invitation);
  return created(invitationHref(invitation));
}

/** joinOnlineMeeting and startOnlineMeeting (one route), and GET of the invitation. */
export const ONLINE_MEETING_ROUTES: readonly RouteSpec<Comm>[] = [
  { method: 'POST', path: INVITATIONS, rel: 'joinOnlineMeeting', handle: joinOnlineMeeting },
  {
    method: 'GET',
    path: `${INVITATIONS}/:invitation`,
    rel: 'onlineMeetingInvitation',
    handle: getInvitation('onlineMeeting'),
  },
];
