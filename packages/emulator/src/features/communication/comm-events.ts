import type { ApplicationHandle } from '../../apps/application.ts';
import type { Priority } from '../../events/priority.ts';
import type { PublishedEvent } from '../../events/publisher.ts';
import type { FeatureHost } from '../feature.ts';
import type { Comm, Extras } from './comm-core.ts';
import {
  conversationResource,
  convPath,
  invitationHref,
  invitationResource,
  participantHref,
  participantLink,
  participantMessagingResource,
} from './comm-resources.ts';
import type { Conversation, Invitation } from './comm-state.ts';
import { others } from './comm-state.ts';
import { leaveLobby } from './meeting-lobby.ts';

/** Queues one event of `sender` on every channel of `app`. */
export function publish(
  host: FeatureHost,
  sender: PublishedEvent['sender'],
  app: ApplicationHandle,
  rel: string,
  href: string,
  type: PublishedEvent['type'],
  extras: Extras,
): void {
  host.events.toApplication(app, {
    sender,
    type,
    link: { rel, href },
    ...(extras.in === undefined ? {} : { in: extras.in }),
    ...(extras.resource === undefined ? {} : { resource: extras.resource }),
    ...(extras.status === undefined ? {} : { status: extras.status }),
    ...(extras.reason === undefined ? {} : { reason: extras.reason }),
    ...(extras.priority === undefined ? {} : { priority: extras.priority }),
  });
}

/** communication: added/updated/deleted conversation, with the conversation embedded. */
export function conversationChanged(
  comm: Comm,
  c: Conversation,
  type: 'added' | 'updated' | 'deleted',
): void {
  const extras = type === 'deleted' ? {} : { resource: conversationResource(c) };
  comm.fromCommunication(c.app, 'conversation', convPath(c), type, extras);
}

/** An invitation's started/updated/completed, embedded; `completed` says how it ended. */
export function invitationEvent(
  comm: Comm,
  i: Invitation,
  type: 'started' | 'updated' | 'completed',
  priority: Priority | undefined,
): void {
  const resource = invitationResource(i);
  const done = type === 'completed';
  comm.fromCommunication(i.conversation.app, resource.rel, invitationHref(i), type, {
    resource,
    ...(done ? { status: i.state === 'Connected' ? 'success' : 'failure' } : {}),
    ...(done && i.reason !== undefined ? { reason: i.reason } : {}),
    // The catalog lists no priority for every `completed`; an operation's end is High.
    priority: priority ?? 'High',
  });
}

/** The remote party and the local one joined messaging (the events SendAnIM.md shows). */
export function messagingJoined(comm: Comm, c: Conversation): void {
  for (const p of [...c.participants.values(), c.local]) {
    const rel = p === c.local ? 'localParticipant' : 'participant';
    comm.fromConversation(
      c,
      'participantMessaging',
      `${participantHref(c, p)}/messaging`,
      'added',
      {
        in: { rel, ...participantLink(c, p) },
        resource: participantMessagingResource(c, p),
      },
    );
  }
}

/** Stops every modality of `c` on this side, announcing each. */
function disconnectModalities(comm: Comm, c: Conversation): void {
  for (const timer of c.typing.values()) timer.cancel();
  c.typing.clear();
  c.audioVideo.timer?.cancel();
  c.phoneAudio.timer?.cancel();
  if (c.messaging !== 'Disconnected') {
    c.messaging = 'Disconnected';
    comm.messagingUpdated(c);
  }
  if (c.audioVideo.state !== 'Disconnected') {
    Object.assign(c.audioVideo, { state: 'Disconnected', audio: false, video: false });
    comm.fromConversation(c, 'audioVideo', convPath(c, 'audioVideo'), 'updated');
  }
  if (c.phoneAudio.state !== 'Disconnected') {
    c.phoneAudio.state = 'Disconnected';
    comm.fromConversation(c, 'phoneAudio', convPath(c, 'phoneAudio'), 'updated');
  }
}

/** `c`'s user left: the other sides lose that participant, and end when no one is left. */
function leaveOthers(comm: Comm, c: Conversation): void {
  for (const other of others(c)) {
    const gone = other.participants.get(c.local.id);
    if (gone === undefined) continue;
    // Another endpoint of the same user may still be in the conversation.
    if ([...other.thread.members].some((m) => m !== other && m.local.id === c.local.id)) continue;
    other.participants.delete(gone.id);
    other.typing.get(gone.id)?.cancel();
    other.typing.delete(gone.id);
    comm.fromConversation(other, 'participant', participantHref(other, gone), 'deleted');
    // A meeting goes on with no one else in it; a two-party conversation ends.
    if (other.participants.size === 0 && other.thread.onlineMeetingUri === undefined)
      comm.end(other);
  }
}

/** Ends a conversation on this side, and on the other sides when no one is left there. */
export function endConversation(comm: Comm, c: Conversation): void {
  const state = comm.apps.peek(c.app);
  if (state === undefined || !state.conversations.has(c.id)) return;
  for (const i of state.invitations.values()) {
    if (i.conversation === c && i.state === 'Connecting') {
      comm.fail(i, 'Cancelled', {
        code: 'LocalFailure',
        subcode: 'Canceled',
        message: 'The conversation ended.',
      });
    }
  }
  disconnectModalities(comm, c);
  leaveLobby(comm, c);
  c.state = 'Disconnected';
  state.conversations.delete(c.id);
  c.thread.members.delete(c);
  forgetEmptyMeeting(comm, c);
  comm.conversationChanged(c, 'deleted');
  leaveOthers(comm, c);
}

/**
 * The thread of `c`'s meeting goes when nobody is left in it or its lobby (the next one to
 * join starts a new thread, as before); the meeting itself stays joinable by its URI.
 */
function forgetEmptyMeeting(comm: Comm, c: Conversation): void {
  const uri = c.thread.onlineMeetingUri?.toLowerCase();
  if (uri === undefined || c.thread.members.size > 0 || c.thread.lobby.size > 0) return;
  if (comm.meetings.get(uri) === c.thread) comm.meetings.delete(uri);
}
