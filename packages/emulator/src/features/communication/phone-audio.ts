import type { UnknownResource } from '@ucwa/model';
import { buildResource } from '../../core/resource.ts';
import { parameterValidationFailure, ucwaError } from '../../http/errors.ts';
import type { Reply } from '../../http/types.ts';
import type { RouteContext } from '../feature.ts';
import { bodyOrQuery, text } from '../input.ts';
import { created, noContent, ok } from '../replies.ts';
import type { RouteSpec } from '../route-table.ts';
import type { Comm } from './comm-core.ts';
import { CONVERSATION_PATH, inConversation } from './comm-core.ts';
import { convPath, invitationHref } from './comm-resources.ts';
import { type Conversation, type Party, phoneParty, userParty } from './comm-state.ts';
import { newInvitation, startConversation } from './invitations.ts';
import { cancelPending, connectLater, setPhoneAudio } from './media.ts';

/** phoneAudio (phoneAudio_ref.md); links follow the state. */
export function phoneAudioResource(c: Conversation): UnknownResource {
  const href = convPath(c, 'phoneAudio');
  const { state, held } = c.phoneAudio;
  return buildResource({
    rel: 'phoneAudio',
    href,
    properties: { state },
    links: {
      conversation: convPath(c),
      addPhoneAudio: state === 'Disconnected' ? `${href}/addPhoneAudio` : undefined,
      holdPhoneAudio: state === 'Connected' && !held ? `${href}/holdPhoneAudio` : undefined,
      resumePhoneAudio: state === 'Connected' && held ? `${href}/resumePhoneAudio` : undefined,
      stopPhoneAudio: state === 'Disconnected' ? undefined : `${href}/stopPhoneAudio`,
    },
  });
}

/** `to` as a party: a user of the emulator (sip:) or a phone number (tel:+digits). */
function callee(comm: Comm, to: string): Party | Reply {
  if (/^tel:/i.test(to)) {
    if (!/^tel:\+?[0-9]{3,15}$/i.test(to))
      return ucwaError(400, 'NormalizationFailed', { message: `Cannot normalize ${to}.` });
    return phoneParty(to);
  }
  const user = comm.host.users.find(to.replace(/^sip:/i, ''));
  return user === undefined
    ? ucwaError(400, 'NormalizationFailed', { message: `Cannot reach ${to}.` })
    : userParty(user);
}

/** Places a phone call on `c`: Connecting now, Connected after MEDIA_CONNECT_MS. */
function call(comm: Comm, ctx: RouteContext, c: Conversation, onStarted?: () => void): Reply {
  const to = bodyOrQuery(ctx.input, ctx.query, 'to') ?? '';
  if (to === '') return parameterValidationFailure([{ name: 'to', value: '' }]);
  const party = callee(comm, to);
  if ('kind' in party) return party;
  if (c.phoneAudio.state !== 'Disconnected')
    return ucwaError(409, 'AlreadyExists', { message: 'Phone audio is already in progress.' });
  const operationId = text(ctx.input, 'operationId');
  const phoneNumber = text(ctx.input, 'phoneNumber');
  const invitation = newInvitation(comm, {
    kind: 'phoneAudio',
    direction: 'Outgoing',
    conversation: c,
    ...(operationId === undefined ? {} : { operationId }),
    ...(phoneNumber === undefined ? {} : { phoneNumber }),
    from: c.local,
    to: party,
  });
  comm.invitationEvent(invitation, 'started');
  onStarted?.();
  c.phoneAudio.pending = invitation;
  setPhoneAudio(comm, c, 'Connecting');
  c.phoneAudio.timer = connectLater(comm, invitation, () => {
    c.phoneAudio.pending = undefined;
    c.state = 'Connected';
    if (!c.participants.has(party.id)) {
      c.participants.set(party.id, party);
      comm.participantAdded(c, party);
    }
    setPhoneAudio(comm, c, 'Connected');
  });
  return created(invitationHref(invitation));
}

/** POST startPhoneAudio: a new conversation with a phoneAudioInvitation (201 + Location). */
function startPhoneAudio(comm: Comm, ctx: RouteContext): Reply {
  const to = text(ctx.input, 'to') ?? '';
  const party = callee(comm, to);
  if ('kind' in party) return party;
  const c = startConversation(comm, ctx);
  const reply = call(comm, ctx, c, () => {
    comm.conversationChanged(c, 'added');
    comm.localParticipantAdded(c);
  });
  return reply;
}

/** audioVideo's replaceWithPhoneAudio: a phone call in the same conversation. */
export function replaceWithPhoneAudio(comm: Comm, ctx: RouteContext, c: Conversation): Reply {
  return call(comm, ctx, c);
}

const notConnected = () => ucwaError(409, undefined, { message: 'Phone audio is not connected.' });

const hold =
  (held: boolean) =>
  (comm: Comm, c: Conversation): Reply => {
    if (c.phoneAudio.state !== 'Connected' || c.phoneAudio.held === held) return notConnected();
    setPhoneAudio(comm, c, 'Connected', held);
    return noContent();
  };

function stopPhoneAudio(comm: Comm, c: Conversation): Reply {
  if (c.phoneAudio.state === 'Disconnected') return notConnected();
  c.phoneAudio.timer?.cancel();
  cancelPending(comm, c.phoneAudio.pending);
  c.phoneAudio.pending = undefined;
  setPhoneAudio(comm, c, 'Disconnected');
  comm.endIfIdle(c);
  return noContent();
}

const PHONE = `${CONVERSATION_PATH}/phoneAudio`;

/** startPhoneAudio, phoneAudio and its actions (phoneAudio_ref.md). */
export const PHONE_AUDIO_ROUTES: readonly RouteSpec<Comm>[] = [
  {
    method: 'POST',
    path: 'communication/phoneAudioInvitations',
    rel: 'startPhoneAudio',
    handle: startPhoneAudio,
  },
  {
    method: 'GET',
    path: PHONE,
    rel: 'phoneAudio',
    handle: inConversation((_, c) => ok(phoneAudioResource(c))),
  },
  {
    method: 'POST',
    path: `${PHONE}/addPhoneAudio`,
    rel: 'addPhoneAudio',
    handle: inConversation((comm, c, ctx) => call(comm, ctx, c)),
  },
  {
    method: 'POST',
    path: `${PHONE}/holdPhoneAudio`,
    rel: 'holdPhoneAudio',
    handle: inConversation(hold(true)),
  },
  {
    method: 'POST',
    path: `${PHONE}/resumePhoneAudio`,
    rel: 'resumePhoneAudio',
    handle: inConversation(hold(false)),
  },
  {
    method: 'POST',
    path: `${PHONE}/stopPhoneAudio`,
    rel: 'stopPhoneAudio',
    handle: inConversation(stopPhoneAudio),
  },
];
