import { formatDataUri, type Link, type UnknownResource } from '@ucwa/model';
import type { ApplicationHandle } from '../../apps/application.ts';
import { buildResource } from '../../core/resource.ts';
import { putTokenProperty } from '../conditional-put.ts';
import {
  type AppComm,
  activeModalities,
  type Conversation,
  type Invitation,
  leads,
  type Message,
  type Party,
} from './comm-state.ts';

// Builders shaped after the documented examples (SendAnIM.md, ReceiveAnIM.md and the
// *_ref.md pages): property names, link rels, titles and embedded resources.

export const convPath = (c: Conversation, path = ''): string =>
  c.app.href(`communication/conversations/${c.id}${path === '' ? '' : `/${path}`}`);
/** A path segment for an address or number: `@` stays as it is, as in the reference's hrefs. */
export const segment = (id: string): string => encodeURIComponent(id).replace(/%40/g, '@');
export const participantHref = (c: Conversation, p: Party): string =>
  convPath(c, `participants/${segment(p.id)}`);
export const messageHref = (c: Conversation, m: Message): string =>
  convPath(c, `messaging/messages/${m.id}`);
export const invitationHref = (i: Invitation): string =>
  i.conversation.app.href(`communication/${i.kind}Invitations/${i.id}`);

/** A link to a participant, titled with the name as the reference shows. */
export const participantLink = (c: Conversation, p: Party): Omit<Link, 'rel'> => ({
  href: participantHref(c, p),
  title: p.name,
});

export function communicationResource(app: ApplicationHandle, state: AppComm): UnknownResource {
  const c = (path: string): string => app.href(`communication/${path}`);
  return buildResource({
    rel: 'communication',
    href: app.href('communication'),
    etag: state.guard.etag,
    properties: {
      ...putTokenProperty(state.guard),
      // The sample answers carry the etag as a property too (EventChannelDetails.md).
      etag: state.guard.etag,
      supportedModalities: [...state.supportedModalities],
      supportedMessageFormats: [...state.supportedMessageFormats],
      ...state.settings,
    },
    links: {
      startPhoneAudio: c('phoneAudioInvitations'),
      conversations: `${c('conversations')}?filter=active`,
      startMessaging: c('messagingInvitations'),
      startOnlineMeeting: `${c('onlineMeetingInvitations')}?onlineMeetingUri=adhoc`,
      joinOnlineMeeting: c('onlineMeetingInvitations'),
    },
  });
}

export function conversationsResource(app: ApplicationHandle, state: AppComm): UnknownResource {
  const list = [...state.conversations.values()].map((c) => convPath(c));
  return buildResource({
    rel: 'conversations',
    href: app.href('communication/conversations'),
    links: { conversation: list },
  });
}

export function conversationResource(c: Conversation): UnknownResource {
  return buildResource({
    rel: 'conversation',
    href: convPath(c),
    properties: {
      state: c.state,
      threadId: c.thread.threadId,
      subject: c.thread.subject,
      activeModalities: activeModalities(c),
      importance: c.thread.importance,
      recording: false,
      participantCount: c.participants.size + 1,
      created: new Date(c.created),
      onlineMeetingUri: c.thread.onlineMeetingUri,
    },
    links: {
      addParticipant:
        c.state === 'Connected' && !c.app.anonymous ? convPath(c, 'addParticipant') : undefined,
      audioVideo: convPath(c, 'audioVideo'),
      messaging: convPath(c, 'messaging'),
      phoneAudio: convPath(c, 'phoneAudio'),
      localParticipant: participantLink(c, c.local),
      participants: convPath(c, 'participants'),
      // The lobby is a leader's to watch (lobby_ref.md).
      lobby: leads(c) ? convPath(c, 'lobby') : undefined,
    },
  });
}

/** Whether `p` waits in the lobby of `c`'s meeting rather than being in its roster. */
export const inLobby = (c: Conversation, p: Party): boolean =>
  p === c.local
    ? c.thread.lobby.has(c)
    : !c.participants.has(p.id) && [...c.thread.lobby].some((w) => w.local.id === p.id);

/**
 * A remote participant (participant_ref.md) or the local one (localParticipant_ref.md). One
 * in the lobby, seen by a leader, links `admit` and `reject` (admit_ref.md, reject_ref.md).
 */
export function participantResource(c: Conversation, p: Party): UnknownResource {
  const local = p === c.local;
  const href = participantHref(c, p);
  const lobbied = inLobby(c, p);
  const admits = lobbied && !local && leads(c);
  const user = p.user?.address.toLowerCase();
  const messaging = c.messaging === 'Connected' ? `${href}/messaging` : undefined;
  return buildResource({
    rel: local ? 'localParticipant' : 'participant',
    href,
    properties: {
      sourceNetwork: p.user === undefined ? 'PublicCloud' : 'SameEnterprise',
      anonymous: p.anonymous === true,
      name: p.name,
      uri: p.uri,
      local,
      inLobby: lobbied,
    },
    links: {
      conversation: convPath(c),
      me: local ? c.app.href('me') : undefined,
      contact: !local && user !== undefined ? c.app.href(`people/${user}`) : undefined,
      contactPresence:
        !local && user !== undefined ? c.app.href(`people/${user}/presence`) : undefined,
      contactPhoto: !local && user !== undefined ? c.app.href(`photos/${user}`) : undefined,
      participantMessaging: messaging,
      admit: admits ? `${href}/admit` : undefined,
      reject: admits ? `${href}/reject` : undefined,
    },
  });
}

export function participantMessagingResource(c: Conversation, p: Party): UnknownResource {
  return buildResource({
    rel: 'participantMessaging',
    href: `${participantHref(c, p)}/messaging`,
    links: { participant: participantLink(c, p) },
  });
}

/**
 * participants: the remote participants, an array of links even when there is one (the
 * page says it is a collection of participant resources).
 */
export function participantsResource(c: Conversation): UnknownResource {
  const links = [...c.participants.values()].map((p) => participantLink(c, p));
  return buildResource({
    rel: 'participants',
    href: convPath(c, 'participants'),
    links: { participant: links },
  });
}

export function messagingResource(c: Conversation): UnknownResource {
  const connected = c.messaging === 'Connected';
  return buildResource({
    rel: 'messaging',
    href: convPath(c, 'messaging'),
    properties: {
      state: c.messaging,
      negotiatedMessageFormats: connected ? ['Plain', 'Html'] : undefined,
    },
    links: {
      // Messaging joins a meeting conversation that has none yet (addMessaging_ref.md).
      addMessaging:
        c.messaging === 'Disconnected' &&
        c.state === 'Connected' &&
        c.thread.onlineMeetingUri !== undefined
          ? convPath(c, 'messaging/addMessaging')
          : undefined,
      conversation: convPath(c),
      stopMessaging:
        c.messaging === 'Disconnected' ? undefined : convPath(c, 'messaging/terminate'),
      sendMessage: connected ? convPath(c, 'messaging/messages') : undefined,
      setIsTyping: connected ? convPath(c, 'messaging/typing') : undefined,
      typingParticipants: connected ? convPath(c, 'messaging/typingParticipants') : undefined,
    },
  });
}

/** typingParticipants: a link to every remote participant typing now. */
export function typingParticipantsResource(c: Conversation): UnknownResource {
  const typing = [...c.typing.keys()].flatMap((id) => {
    const p = c.participants.get(id);
    return p === undefined ? [] : [participantLink(c, p)];
  });
  return buildResource({
    rel: 'typingParticipants',
    href: convPath(c, 'messaging/typingParticipants'),
    links: { participant: typing },
  });
}

/** message (message_ref.md): the text as a `data:` URI link, as ReceiveAnIM.md shows. */
export function messageResource(c: Conversation, m: Message): UnknownResource {
  const html = m.contentType === 'text/html';
  const data = formatDataUri(m.text, { mediaType: m.contentType });
  const incoming = m.direction === 'Incoming';
  const author = m.author.user?.address.toLowerCase();
  return buildResource({
    rel: 'message',
    href: messageHref(c, m),
    properties: {
      direction: m.direction,
      operationId: m.operationId,
      timeStamp: new Date(m.timeStamp),
    },
    links: {
      messaging: convPath(c, 'messaging'),
      participant: incoming ? participantLink(c, m.author) : undefined,
      contact: incoming && author !== undefined ? c.app.href(`people/${author}`) : undefined,
      plainMessage: html ? undefined : data,
      htmlMessage: html ? data : undefined,
    },
  });
}

const INVITATION_REL = {
  messaging: 'messagingInvitation',
  phoneAudio: 'phoneAudioInvitation',
  audioVideo: 'audioVideoInvitation',
  onlineMeeting: 'onlineMeetingInvitation',
  participant: 'participantInvitation',
} as const;

/** The modality an invitation links to and the link that cancels it, when the kind has them. */
function invitationTargets(i: Invitation): { modality?: string; cancel?: string } {
  if (i.kind === 'onlineMeeting' || i.kind === 'participant') return {};
  if (i.kind === 'messaging') return { modality: 'messaging', cancel: 'messaging/terminate' };
  return { modality: i.kind, cancel: `${i.kind}/stop${cap(i.kind)}` };
}

/** messagingInvitation, phoneAudioInvitation, audioVideoInvitation, onlineMeetingInvitation, participantInvitation. */
export function invitationResource(i: Invitation): UnknownResource {
  const c = i.conversation;
  const href = invitationHref(i);
  const open = i.state === 'Connecting';
  const incoming = i.direction === 'Incoming';
  const toUser = i.to.user?.address.toLowerCase();
  const { modality, cancel } = invitationTargets(i);
  // A failed invitation's conversation is gone: no links into it.
  const live = c.state !== 'Disconnected';
  const into = (href: string): string | undefined => (live ? href : undefined);
  return buildResource({
    rel: INVITATION_REL[i.kind],
    href,
    properties: {
      direction: i.direction,
      importance: c.thread.importance,
      threadId: c.thread.threadId,
      state: i.state,
      operationId: i.operationId,
      subject: c.thread.subject,
      to: i.to.uri,
      phoneNumber: i.phoneNumber,
      onlineMeetingUri: c.thread.onlineMeetingUri,
    },
    links: {
      from: live ? participantLink(c, incoming ? i.from : c.local) : undefined,
      to: toUser === undefined ? undefined : c.app.href(`people/${toUser}`),
      conversation: into(convPath(c)),
      ...(modality === undefined ? {} : { [modality]: into(convPath(c, modality)) }),
      accept: open && incoming && i.kind !== 'audioVideo' ? `${href}/accept` : undefined,
      decline: open && incoming ? `${href}/decline` : undefined,
      cancel: open && !incoming && cancel !== undefined ? into(convPath(c, cancel)) : undefined,
      message: i.message,
    },
    embedded: {
      from: incoming ? participantResource(c, i.from) : undefined,
      acceptedByParticipant:
        i.state === 'Connected' && !incoming
          ? [...c.participants.values()].map((p) => participantResource(c, p))
          : undefined,
    },
  });
}

const cap = (s: string): string => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
