import { parseDataUri, type UcwaErrorBody } from '@ucwa/model';
import type { UserRecord } from '../../core/users.ts';
import { parameterValidationFailure, ucwaError } from '../../http/errors.ts';
import type { ErrorReply, Reply } from '../../http/types.ts';
import type { RouteContext } from '../feature.ts';
import { bodyOrQuery, text } from '../input.ts';
import { created, noContent, ok } from '../replies.ts';
import type { RouteSpec } from '../route-table.ts';
import type { Comm } from './comm-core.ts';
import { invitationHref, invitationResource } from './comm-resources.ts';
import {
  type Conversation,
  type Invitation,
  type InvitationKind,
  newConversation,
  type Party,
  type Thread,
  userParty,
} from './comm-state.ts';
import { deliver } from './messages.ts';

/** `{ operationId }` when the client gave one (body or query), else nothing. */
export function operationIdOf(ctx: RouteContext): { operationId?: string } {
  const operationId = bodyOrQuery(ctx.input, ctx.query, 'operationId');
  return operationId === undefined ? {} : { operationId };
}

/** A new thread and this application's conversation in it. */
export function startConversation(comm: Comm, ctx: RouteContext): Conversation {
  const thread: Thread = {
    threadId: text(ctx.input, 'threadId') ?? comm.host.ids.hex(32),
    subject: text(ctx.input, 'subject') ?? '',
    importance: text(ctx.input, 'importance') ?? 'Normal',
    members: new Set(),
    lobby: new Set(),
  };
  const c = newConversation(comm.host.ids.hex(8), ctx.app, thread, comm.host.clock.now());
  comm.apps.get(ctx.app).conversations.set(c.id, c);
  return c;
}

export function newInvitation(
  comm: Comm,
  spec: Omit<Invitation, 'id' | 'state' | 'peers'>,
): Invitation {
  const invitation: Invitation = {
    ...spec,
    id: comm.host.ids.hex(12),
    state: 'Connecting',
    peers: [],
  };
  comm.apps.get(spec.conversation.app).invitations.set(invitation.id, invitation);
  return invitation;
}

/**
 * POST startMessaging: a messagingInvitation (201 + Location) and an incoming invitation on
 * every application of the invitee, released at once (RealTime).
 */
export function startMessaging(comm: Comm, ctx: RouteContext): Reply {
  const to = bodyOrQuery(ctx.input, ctx.query, 'to') ?? '';
  if (to === '') return parameterValidationFailure([{ name: 'to', value: '' }]);
  const message = ctx.input?.links.message;
  const messageHref =
    message !== undefined && !Array.isArray(message)
      ? (message as { href: string }).href
      : undefined;
  if (messageHref !== undefined) {
    try {
      parseDataUri(messageHref);
    } catch {
      return parameterValidationFailure([{ name: 'message', value: messageHref }]);
    }
  }
  const target = comm.host.users.find(to.replace(/^sip:/i, ''));
  const c = startConversation(comm, ctx);
  c.messaging = 'Connecting';
  const toParty: Party = target === undefined ? { id: to, uri: to, name: to } : userParty(target);
  const outgoing = newInvitation(comm, {
    kind: 'messaging',
    direction: 'Outgoing',
    conversation: c,
    ...operationIdOf(ctx),
    from: c.local,
    to: toParty,
    ...(messageHref === undefined ? {} : { message: messageHref }),
  });
  comm.invitationEvent(outgoing, 'started');
  comm.conversationChanged(c, 'added');
  comm.localParticipantAdded(c);
  comm.messagingUpdated(c);
  deliverInvitation(comm, ctx, outgoing, target);
  return created(invitationHref(outgoing));
}

/** Rings every application of the invitee, or fails at once for an unknown or offline one. */
function deliverInvitation(
  comm: Comm,
  ctx: RouteContext,
  outgoing: Invitation,
  target: UserRecord | undefined,
): void {
  const c = outgoing.conversation;
  const to = outgoing.to.uri;
  const apps =
    target === undefined
      ? []
      : comm.host.applications.ofUser(target.address).filter((a) => a.id !== ctx.app.id);
  const why = unreachable(comm, to, target, apps);
  if (why === undefined) {
    for (const app of apps) outgoing.peers.push(ring(comm, ctx, app, c, outgoing, 'messaging'));
    return;
  }
  comm.fail(outgoing, 'Failed', why);
  comm.end(c);
}

/**
 * Why an invitation to `to` cannot ring: an unknown user, or one with no application
 * (`apps`) or offline (never made available); `undefined` when it can.
 */
export function unreachable(
  comm: Comm,
  to: string,
  target: UserRecord | undefined,
  apps: readonly Conversation['app'][],
): UcwaErrorBody | undefined {
  if (target === undefined)
    return { code: 'NotFound', subcode: 'DestinationNotFound', message: `${to} does not exist.` };
  const offline = comm.host.userState.get(target.address).availability === 'Offline';
  if (apps.length > 0 && !offline) return undefined;
  return {
    code: 'RemoteFailure',
    subcode: 'TemporarilyUnavailable',
    message: `${to} is not available.`,
  };
}

/** The invitee's other endpoints stop ringing once `accepted` is taken (ConnectedElsewhere). */
export function stopOtherRings(comm: Comm, outgoing: Invitation, accepted: Invitation): void {
  for (const other of outgoing.peers) {
    if (other === accepted || other.state !== 'Connecting') continue;
    comm.fail(other, 'Failed', {
      code: 'RemoteFailure',
      subcode: 'ConnectedElsewhere',
      message: 'Accepted on another endpoint.',
    });
    comm.end(other.conversation);
  }
}

/** The incoming side of an invitation on one application of the invitee. */
export function ring(
  comm: Comm,
  _ctx: RouteContext,
  app: Conversation['app'],
  from: Conversation,
  outgoing: Invitation,
  kind: InvitationKind,
): Invitation {
  const c = newConversation(comm.host.ids.hex(8), app, from.thread, comm.host.clock.now());
  comm.apps.get(app).conversations.set(c.id, c);
  c.participants.set(from.local.id, from.local);
  const incoming = newInvitation(comm, {
    kind,
    direction: 'Incoming',
    conversation: c,
    from: from.local,
    to: c.local,
    ...(outgoing.message === undefined ? {} : { message: outgoing.message }),
  });
  incoming.peers.push(outgoing);
  comm.invitationEvent(incoming, 'started', 'RealTime');
  comm.conversationChanged(c, 'added');
  comm.localParticipantAdded(c);
  comm.participantAdded(c, from.local);
  return incoming;
}

/** The invitation of `:invitation` in the route, of `kind`, or a 404 reply. */
export function openInvitation(
  comm: Comm,
  ctx: RouteContext,
  kind: InvitationKind,
): Invitation | ErrorReply {
  const i = comm.apps.get(ctx.app).invitations.get(ctx.params.invitation ?? '');
  if (i === undefined || i.kind !== kind)
    return ucwaError(404, 'ResourceNotFound', { message: 'The invitation does not exist.' });
  return i;
}

export const isReply = (v: Invitation | ErrorReply): v is ErrorReply => 'error' in v;

/** POST accept: both sides connected (ReceiveAnIM.md steps 13–16, SendAnIM.md step 6). */
export function accept(comm: Comm, ctx: RouteContext): Reply {
  const i = openInvitation(comm, ctx, 'messaging');
  if (isReply(i)) return i;
  if (i.direction !== 'Incoming' || i.state !== 'Connecting')
    return ucwaError(409, undefined, { message: `The invitation is ${i.state}.` });
  const outgoing = i.peers[0];
  const c = i.conversation;
  i.state = 'Connected';
  c.state = 'Connected';
  c.messaging = 'Connected';
  comm.messagingUpdated(c);
  comm.conversationChanged(c, 'updated');
  comm.messagingJoined(c);
  comm.invitationEvent(i, 'completed');
  if (i.message !== undefined) deliver(comm, c, i.from, i.message);
  if (outgoing === undefined) return noContent();
  stopOtherRings(comm, outgoing, i);
  const a = outgoing.conversation;
  outgoing.state = 'Connected';
  a.state = 'Connected';
  a.messaging = 'Connected';
  a.participants.set(c.local.id, c.local);
  comm.conversationChanged(a, 'updated');
  comm.participantAdded(a, c.local);
  comm.messagingJoined(a);
  comm.messagingUpdated(a);
  comm.invitationEvent(outgoing, 'completed');
  return noContent();
}

/** POST decline: the inviter's invitation completes with failure once every endpoint declined. */
export function decline(comm: Comm, ctx: RouteContext, kind: InvitationKind): Reply {
  const i = openInvitation(comm, ctx, kind);
  if (isReply(i)) return i;
  if (i.direction !== 'Incoming' || i.state !== 'Connecting')
    return ucwaError(409, undefined, { message: `The invitation is ${i.state}.` });
  const why = bodyOrQuery(ctx.input, ctx.query, 'reason') ?? 'Global';
  comm.fail(i, 'Declined', { code: 'LocalFailure', subcode: 'Declined', message: 'Declined.' });
  comm.end(i.conversation);
  const outgoing = i.peers[0];
  if (outgoing === undefined || outgoing.state !== 'Connecting') return noContent();
  const ringing = outgoing.peers.filter((p) => p.state === 'Connecting');
  if (why.toLowerCase() === 'local' && ringing.length > 0) return noContent();
  for (const other of ringing) {
    comm.fail(other, 'Cancelled', {
      code: 'RemoteFailure',
      subcode: 'Declined',
      message: 'Declined on another endpoint.',
    });
    comm.end(other.conversation);
  }
  comm.fail(outgoing, 'Declined', {
    code: 'Forbidden',
    subcode: 'Declined',
    message: `${i.to.name} declined the invitation.`,
  });
  // One invitee declining addParticipant leaves the conversation as it was.
  if (outgoing.kind !== 'participant') comm.end(outgoing.conversation);
  return noContent();
}

/** GET of an invitation of `kind`. */
export const getInvitation =
  (kind: InvitationKind) =>
  (comm: Comm, ctx: RouteContext): Reply => {
    const i = openInvitation(comm, ctx, kind);
    return isReply(i) ? i : ok(invitationResource(i));
  };

const MESSAGING = 'communication/messagingInvitations';

/** startMessaging, and GET, accept and decline of each invitation kind. */
export const INVITATION_ROUTES: readonly RouteSpec<Comm>[] = [
  { method: 'POST', path: MESSAGING, rel: 'startMessaging', handle: startMessaging },
  {
    method: 'GET',
    path: `${MESSAGING}/:invitation`,
    rel: 'messagingInvitation',
    handle: getInvitation('messaging'),
  },
  { method: 'POST', path: `${MESSAGING}/:invitation/accept`, rel: 'accept', handle: accept },
  {
    method: 'POST',
    path: `${MESSAGING}/:invitation/decline`,
    rel: 'decline',
    handle: (comm, ctx) => decline(comm, ctx, 'messaging'),
  },
  {
    method: 'GET',
    path: 'communication/phoneAudioInvitations/:invitation',
    rel: 'phoneAudioInvitation',
    handle: getInvitation('phoneAudio'),
  },
  {
    method: 'GET',
    path: 'communication/audioVideoInvitations/:invitation',
    rel: 'audioVideoInvitation',
    handle: getInvitation('audioVideo'),
  },
];
