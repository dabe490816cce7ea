import { conferenceUri } from '../../core/conferences.ts';
import { parameterValidationFailure, ucwaError } from '../../http/errors.ts';
import type { Reply } from '../../http/types.ts';
import type { RouteContext } from '../feature.ts';
import { bodyOrQuery } from '../input.ts';
import { conflict, created, noContent } from '../replies.ts';
import type { RouteSpec } from '../route-table.ts';
import type { Comm } from './comm-core.ts';
import { CONVERSATION_PATH, inConversation } from './comm-core.ts';
import { invitationHref } from './comm-resources.ts';
import { type Conversation, others, type Party, userParty } from './comm-state.ts';
import {
  decline,
  getInvitation,
  isReply,
  newInvitation,
  openInvitation,
  operationIdOf,
  ring,
  stopOtherRings,
  unreachable,
} from './invitations.ts';
import { joinRoster } from './roster.ts';

/**
 * A two-party thread becomes an ad hoc meeting organized by `c`'s user before anyone is
 * added (addParticipant_ref.md): the thread gets a focus URI that others may join by, and
 * every side's conversation is `updated` with it.
 */
function escalate(comm: Comm, c: Conversation): void {
  const thread = c.thread;
  if (thread.onlineMeetingUri !== undefined) return;
  const organizer = c.app.user.address;
  const key = comm.host.ids.hex(10).toUpperCase();
  const uri = conferenceUri(organizer, key);
  comm.adhoc.set(uri.toLowerCase(), { uri, key, organizer });
  thread.onlineMeetingUri = uri;
  comm.meetings.set(uri.toLowerCase(), thread);
  for (const side of thread.members) comm.conversationChanged(side, 'updated');
}

/**
 * POST addParticipant: 201 with the outgoing participantInvitation's Location (`started`
 * from communication); the conversation escalated to a meeting; every application of the
 * invitee rung with an incoming onlineMeetingInvitation (participantInvitation_ref.md: there
 * is no incoming participantInvitation). An unknown or unavailable invitee fails the
 * invitation at once; someone already in the conversation: 409 AlreadyExists.
 */
function addParticipant(comm: Comm, ctx: RouteContext, c: Conversation): Reply {
  const to = bodyOrQuery(ctx.input, ctx.query, 'to') ?? '';
  if (to === '') return parameterValidationFailure([{ name: 'to', value: '' }]);
  if (c.state !== 'Connected') return conflict('The conversation is not connected.');
  const target = comm.host.users.find(to.replace(/^sip:/i, ''));
  const party: Party = target === undefined ? { id: to, uri: to, name: to } : userParty(target);
  if (party.id === c.local.id || c.participants.has(party.id))
    return conflict(`${party.uri} is in the conversation already.`, 'AlreadyExists');
  escalate(comm, c);
  const outgoing = newInvitation(comm, {
    kind: 'participant',
    direction: 'Outgoing',
    conversation: c,
    ...operationIdOf(ctx),
    from: c.local,
    to: party,
  });
  comm.invitationEvent(outgoing, 'started');
  const apps = target === undefined ? [] : comm.host.applications.ofUser(target.address);
  const why = unreachable(comm, to, target, apps);
  if (why !== undefined) comm.fail(outgoing, 'Failed', why);
  else
    for (const app of apps) outgoing.peers.push(ring(comm, ctx, app, c, outgoing, 'onlineMeeting'));
  return created(invitationHref(outgoing));
}

/**
 * POST accept of an incoming onlineMeetingInvitation: the invitee is in the roster of every
 * side already connected (each sees the newcomer), with messaging when the meeting has it;
 * both invitations complete with success.
 */
function acceptMeeting(comm: Comm, ctx: RouteContext): Reply {
  const i = openInvitation(comm, ctx, 'onlineMeeting');
  if (isReply(i)) return i;
  if (i.direction !== 'Incoming' || i.state !== 'Connecting')
    return ucwaError(409, undefined, { message: `The invitation is ${i.state}.` });
  const c = i.conversation;
  const connected = others(c).filter((o) => o.state === 'Connected');
  joinRoster(comm, c, connected);
  c.state = 'Connected';
  if (connected.some((o) => o.messaging === 'Connected')) {
    c.messaging = 'Connected';
    comm.messagingUpdated(c);
    comm.messagingJoined(c);
  }
  comm.conversationChanged(c, 'updated');
  i.state = 'Connected';
  comm.invitationEvent(i, 'completed');
  const outgoing = i.peers[0];
  if (outgoing !== undefined && outgoing.state === 'Connecting') {
    stopOtherRings(comm, outgoing, i);
    outgoing.state = 'Connected';
    comm.invitationEvent(outgoing, 'completed');
  }
  return noContent();
}

/**
 * POST addMessaging on a meeting conversation: messaging joins the meeting's (a
 * messagingInvitation `started`, messaging `updated` to Connected, `completed`).
 */
function addMessaging(comm: Comm, ctx: RouteContext, c: Conversation): Reply {
  const uri = c.thread.onlineMeetingUri;
  if (c.state !== 'Connected' || uri === undefined)
    return conflict('Messaging is added to a connected meeting conversation only.');
  if (c.messaging !== 'Disconnected')
    return conflict('Messaging is connected already.', 'AlreadyExists');
  const invitation = newInvitation(comm, {
    kind: 'messaging',
    direction: 'Outgoing',
    conversation: c,
    ...operationIdOf(ctx),
    from: c.local,
    to: { id: uri, uri, name: uri },
  });
  comm.invitationEvent(invitation, 'started');
  c.messaging = 'Connected';
  invitation.state = 'Connected';
  comm.messagingUpdated(c);
  comm.messagingJoined(c);
  comm.conversationChanged(c, 'updated');
  comm.invitationEvent(invitation, 'completed');
  return created(invitationHref(invitation));
}

const MEETING_INVITATIONS = 'communication/onlineMeetingInvitations/:invitation';

/** addParticipant, the participantInvitation, accept/decline of a meeting invitation, addMessaging. */
export const ADD_PARTICIPANT_ROUTES: readonly RouteSpec<Comm>[] = [
  {
    method: 'POST',
    path: `${CONVERSATION_PATH}/addParticipant`,
    rel: 'addParticipant',
    handle: inConversation((comm, c, ctx) => addParticipant(comm, ctx, c)),
  },
  {
    method: 'GET',
    path: 'communication/participantInvitations/:invitation',
    rel: 'participantInvitation',
    handle: getInvitation('participant'),
  },
  { method: 'POST', path: `${MEETING_INVITATIONS}/accept`, rel: 'accept', handle: acceptMeeting },
  {
    method: 'POST',
    path: `${MEETING_INVITATIONS}/decline`,
    rel: 'decline',
    handle: (comm, ctx) => decline(comm, ctx, 'onlineMeeting'),
  },
  {
    method: 'POST',
    path: `${CONVERSATION_PATH}/messaging/addMessaging`,
    rel: 'addMessaging',
    handle: inConversation((comm, c, ctx) => addMessaging(comm, ctx, c)),
  },
];
