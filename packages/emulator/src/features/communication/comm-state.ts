import type { UcwaErrorBody } from '@ucwa/model';
import type { ApplicationHandle } from '../../apps/application.ts';
import type { TimerHandle } from '../../core/clock.ts';
import { type MeetingAccess, parseConferenceUri } from '../../core/conferences.ts';
import type { UserRecord } from '../../core/users.ts';
import type { PutGuard } from '../conditional-put.ts';

/** The states of a conversation and of its modalities (ConversationState, CallState). */
export type ModalityState = 'Disconnected' | 'Connecting' | 'Connected' | 'Disconnecting';

/** Someone in a conversation: a user of the emulator or a phone number. */
export interface Party {
  /** The path segment under `participants/`: the address or the number. */
  readonly id: string;
  readonly uri: string;
  readonly name: string;
  readonly user?: UserRecord;
  /** Joined with an anonymous meeting identity (anonmeeting grant). */
  readonly anonymous?: boolean;
}

export const userParty = (user: UserRecord): Party => ({
  id: user.address.toLowerCase(),
  uri: `sip:${user.address.toLowerCase()}`,
  name: user.name,
  user,
});

export const phoneParty = (number: string): Party => {
  const uri = number.startsWith('tel:') ? number : `tel:${number}`;
  return { id: uri.slice(4), uri, name: uri.slice(4) };
};

/** What the ends of one conversation share: each side has its own conversation resource. */
export interface Thread {
  readonly threadId: string;
  readonly subject: string;
  readonly importance: string;
  readonly members: Set<Conversation>;
  /**
   * Set for the thread of an online meeting: its focus URI. A two-party thread gets one
   * when addParticipant escalates it to an ad hoc meeting.
   */
  onlineMeetingUri?: string;
  /** A scheduled meeting's admission settings, read again at each join (lobby.ts). */
  access?: MeetingAccess | undefined;
  /**
   * The joiners' conversations waiting in the meeting's lobby (lobby_ref.md): not members
   * yet, so nothing said in the meeting reaches them.
   */
  readonly lobby: Set<Conversation>;
}

export interface Message {
  readonly id: string;
  readonly direction: 'Incoming' | 'Outgoing';
  readonly operationId?: string;
  readonly timeStamp: number;
  /** `text/plain` or `text/html`. */
  readonly contentType: string;
  readonly text: string;
  readonly author: Party;
}

/** The audioVideo modality (audioVideo_ref.md); media is never established. */
export interface AudioVideoState {
  state: ModalityState;
  audio: boolean;
  video: boolean;
  frozen: boolean;
  /** The invitation in progress, completed when the emulated media "connects". */
  pending?: Invitation | undefined;
  timer?: TimerHandle | undefined;
}

export interface PhoneAudioModality {
  state: ModalityState;
  /** holdPhoneAudio: still Connected, with resumePhoneAudio offered instead of hold. */
  held: boolean;
  pending?: Invitation | undefined;
  timer?: TimerHandle | undefined;
}

/** One application's view of a conversation. */
export interface Conversation {
  readonly id: string;
  readonly app: ApplicationHandle;
  readonly thread: Thread;
  readonly local: Party;
  readonly created: number;
  state: ModalityState;
  messaging: ModalityState;
  /** Remote participants by id. */
  readonly participants: Map<string, Party>;
  readonly messages: Map<string, Message>;
  nextMessage: number;
  /** Remote participants typing now, with the timer that clears them. */
  readonly typing: Map<string, TimerHandle>;
  readonly audioVideo: AudioVideoState;
  readonly phoneAudio: PhoneAudioModality;
}

export type InvitationKind =
  | 'messaging'
  | 'phoneAudio'
  | 'audioVideo'
  | 'onlineMeeting'
  | 'participant';
export type InvitationState = 'Connecting' | 'Connected' | 'Declined' | 'Failed' | 'Cancelled';

/**
 * An operation resource: messagingInvitation, phoneAudioInvitation, audioVideoInvitation,
 * onlineMeetingInvitation, participantInvitation.
 */
export interface Invitation {
  readonly id: string;
  readonly kind: InvitationKind;
  readonly direction: 'Incoming' | 'Outgoing';
  readonly conversation: Conversation;
  readonly operationId?: string;
  readonly from: Party;
  readonly to: Party;
  /** The first message, as a `data:` URI. */
  readonly message?: string;
  readonly phoneNumber?: string;
  state: InvitationState;
  /** The invitations on the other side of this one (one per application of the invitee). */
  peers: Invitation[];
  reason?: UcwaErrorBody;
}

/** Everything the communication family keeps for one application. */
export interface AppComm {
  readonly guard: PutGuard;
  readonly settings: Record<string, string | boolean>;
  /** What makeMeAvailable published; empty before. */
  supportedModalities: readonly string[];
  supportedMessageFormats: readonly string[];
  readonly conversations: Map<string, Conversation>;
  readonly invitations: Map<string, Invitation>;
}

export function newConversation(
  id: string,
  app: ApplicationHandle,
  thread: Thread,
  now: number,
): Conversation {
  const conversation: Conversation = {
    id,
    app,
    thread,
    local: app.anonymous ? { ...userParty(app.user), anonymous: true } : userParty(app.user),
    created: now,
    state: 'Connecting',
    messaging: 'Disconnected',
    participants: new Map(),
    messages: new Map(),
    nextMessage: 1,
    typing: new Map(),
    audioVideo: { state: 'Disconnected', audio: false, video: false, frozen: false },
    phoneAudio: { state: 'Disconnected', held: false },
  };
  thread.members.add(conversation);
  return conversation;
}

/** The modalities that are connected, for `activeModalities`. */
export function activeModalities(c: Conversation): string[] {
  const out: string[] = [];
  if (c.messaging === 'Connected') out.push('Messaging');
  if (c.audioVideo.state === 'Connected' && c.audioVideo.audio) out.push('Audio');
  if (c.audioVideo.state === 'Connected' && c.audioVideo.video) out.push('Video');
  if (c.phoneAudio.state === 'Connected') out.push('PhoneAudio');
  return out;
}

/** Whether any modality is connected or connecting. */
export const isIdle = (c: Conversation): boolean =>
  c.messaging === 'Disconnected' &&
  c.audioVideo.state === 'Disconnected' &&
  c.phoneAudio.state === 'Disconnected';

/** The other ends of the conversation. */
export const others = (c: Conversation): Conversation[] =>
  [...c.thread.members].filter((m) => m !== c);

/** An address from a SIP URI or an address, lower-cased: `sip:Bob@x.com` → `bob@x.com`. */
const addressOf = (uri: string): string => uri.trim().replace(/^sip:/i, '').toLowerCase();

/** The organizer of the meeting `thread` is in, from its focus URI. */
export const organizerOf = (thread: Thread): string | undefined => {
  const parsed = parseConferenceUri(thread.onlineMeetingUri ?? '');
  return parsed === undefined ? undefined : addressOf(parsed.organizer);
};

/**
 * Whether `c`'s user leads the scheduled meeting of its thread: the organizer, or one of
 * the meeting's `leaders` (myOnlineMeeting_ref.md). Leaders admit and reject (admit_ref.md).
 */
export function isLeader(c: Conversation): boolean {
  const access = c.thread.access;
  if (access === undefined) return false;
  const me = c.local.id;
  return me === organizerOf(c.thread) || access.leaders.some((uri) => addressOf(uri) === me);
}

/** Whether `c` is a connected conversation of a leader of its meeting. */
export const leads = (c: Conversation): boolean => c.state === 'Connected' && isLeader(c);

/**
 * Whether the user of `app` joins the meeting at once rather than waiting in its lobby
 * (AccessLevel_ref.md): the organizer always; `Everyone`: all; `SameEnterprise` (and `None`,
 * taken as the default it stands for): signed-in users of the organizer's domain;
 * `Invited`: those of them the meeting lists as attendees or leaders; `Locked`: no one
 * else. A meeting with no access settings (ad hoc) admits everyone.
 */
export function bypassesLobby(
  access: MeetingAccess | undefined,
  organizer: string,
  app: ApplicationHandle,
): boolean {
  if (access === undefined) return true;
  const me = app.user.address.toLowerCase();
  if (me === organizer.toLowerCase()) return true;
  // Enumerations are taken without regard to case (validate.ts), and kept as sent.
  const level = access.accessLevel.toLowerCase();
  if (level === 'everyone') return true;
  const colleague = !app.anonymous && me.split('@')[1] === organizer.toLowerCase().split('@')[1];
  if (level === 'sameenterprise' || level === 'none' || level === '') return colleague;
  if (level === 'invited')
    return colleague && [...access.attendees, ...access.leaders].some((u) => addressOf(u) === me);
  return false;
}
