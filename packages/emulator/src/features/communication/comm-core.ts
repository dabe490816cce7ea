import type { UcwaErrorBody } from '@ucwa/model';
import type { ApplicationHandle } from '../../apps/application.ts';
import type { Priority } from '../../events/priority.ts';
import type { PublishedEvent } from '../../events/publisher.ts';
import { ucwaError } from '../../http/errors.ts';
import type { ErrorReply, Reply } from '../../http/types.ts';
import { createPutGuard } from '../conditional-put.ts';
import type { FeatureHost, RouteContext } from '../feature.ts';
import { type PerApplication, perApplication } from '../state.ts';
import {
  conversationResource,
  convPath,
  invitationHref,
  invitationResource,
  messagingResource,
  participantHref,
  participantLink,
  participantMessagingResource,
  participantResource,
} from './comm-resources.ts';
import type { AppComm, Conversation, Invitation, Party } from './comm-state.ts';
import { isIdle, others } from './comm-state.ts';

/** Optional parts of an event. */
interface Extras {
  readonly in?: { rel: string; href: string; title?: string };
  readonly resource?: PublishedEvent['resource'];
  readonly status?: 'success' | 'failure';
  readonly reason?: UcwaErrorBody;
  readonly priority?: Priority;
}

/** What every part of the communication family shares: state, lookups and events. */
export interface Comm {
  readonly host: FeatureHost;
  readonly apps: PerApplication<AppComm>;
  /** The conversation of `:conversation` in the route, or a 404 reply. */
  conversation(ctx: RouteContext): Conversation | ErrorReply;
  fromCommunication(
    app: ApplicationHandle,
    rel: string,
    href: string,
    type: PublishedEvent['type'],
    extras?: Extras,
  ): void;
  fromConversation(
    c: Conversation,
    rel: string,
    href: string,
    type: PublishedEvent['type'],
    extras?: Extras,
  ): void;
  /** communication: added/updated/deleted conversation, with the conversation embedded. */
  conversationChanged(c: Conversation, type: 'added' | 'updated' | 'deleted'): void;
  messagingUpdated(c: Conversation): void;
  invitationEvent(
    i: Invitation,
    type: 'started' | 'updated' | 'completed',
    priority?: Priority,
  ): void;
  /** localParticipant added, embedded (SendAnIM.md step 4). */
  localParticipantAdded(c: Conversation): void;
  /** participant added (with participantMessaging when messaging is connected). */
  participantAdded(c: Conversation, p: Party): void;
  /** The remote party and the local one joined messaging (the events SendAnIM.md shows). */
  messagingJoined(c: Conversation): void;
  /** Ends an invitation with failure and `reason`. */
  fail(i: Invitation, state: Invitation['state'], reason: UcwaErrorBody): void;
  /** Ends a conversation on this side, and on the other sides when no one is left there. */
  end(c: Conversation): void;
  /** Ends the conversation if no modality is left. */
  endIfIdle(c: Conversation): void;
}

/** Where every route of one conversation lives, relative to the application. */
export const CONVERSATION_PATH = 'communication/conversations/:conversation';

/** A route handler for one conversation: 404 ConversationNotFound when there is none. */
export function onConversation(
  comm: Comm,
  handle: (c: Conversation, ctx: RouteContext) => Reply,
): (ctx: RouteContext) => Reply {
  return (ctx) => {
    const c = comm.conversation(ctx);
    return 'error' in c ? c : handle(c, ctx);
  };
}

export const notFound = (): ErrorReply =>
  ucwaError(404, 'ConversationNotFound', { message: 'The conversation does not exist.' });

export function createComm(host: FeatureHost): Comm {
  const apps = perApplication<AppComm>(() => ({
    guard: createPutGuard(host.ids),
    settings: {},
    supportedModalities: [],
    supportedMessageFormats: [],
    conversations: new Map(),
    invitations: new Map(),
  }));
  const event = (
    sender: PublishedEvent['sender'],
    rel: string,
    href: string,
    type: PublishedEvent['type'],
    extras: Extras,
  ): PublishedEvent => ({
    sender,
    type,
    link: { rel, href },
    ...(extras.in === undefined ? {} : { in: extras.in }),
    ...(extras.resource === undefined ? {} : { resource: extras.resource }),
    ...(extras.status === undefined ? {} : { status: extras.status }),
    ...(extras.reason === undefined ? {} : { reason: extras.reason }),
    ...(extras.priority === undefined ? {} : { priority: extras.priority }),
  });
  const comm: Comm = {
    host,
    apps,
    conversation(ctx) {
      const c = apps.get(ctx.app).conversations.get(ctx.params.conversation ?? '');
      return c ?? notFound();
    },
    fromCommunication(app, rel, href, type, extras = {}) {
      const sender = { rel: 'communication', href: app.href('communication') };
      host.events.toApplication(app, event(sender, rel, href, type, extras));
    },
    fromConversation(c, rel, href, type, extras = {}) {
      const sender = { rel: 'conversation', href: convPath(c) };
      host.events.toApplication(c.app, event(sender, rel, href, type, extras));
    },
    conversationChanged(c, type) {
      const resource = type === 'deleted' ? undefined : conversationResource(c);
      comm.fromCommunication(
        c.app,
        'conversation',
        convPath(c),
        type,
        resource ? { resource } : {},
      );
    },
    messagingUpdated(c) {
      comm.fromConversation(c, 'messaging', convPath(c, 'messaging'), 'updated', {
        resource: messagingResource(c),
      });
    },
    invitationEvent(i, type, priority) {
      const extras: Extras = {
        resource: invitationResource(i),
        ...(type === 'completed'
          ? { status: i.state === 'Connected' ? 'success' : 'failure' }
          : {}),
        ...(type === 'completed' && i.reason !== undefined ? { reason: i.reason } : {}),
        // The catalog lists no priority for every `completed`; an operation's end is High.
        priority: priority ?? 'High',
      };
      const rel = invitationResource(i).rel;
      comm.fromCommunication(i.conversation.app, rel, invitationHref(i), type, extras);
    },
    localParticipantAdded(c) {
      comm.fromConversation(c, 'localParticipant', participantHref(c, c.local), 'added', {
        resource: participantResource(c, c.local),
      });
    },
    participantAdded(c, p) {
      comm.fromConversation(c, 'participant', participantHref(c, p), 'added', {
        resource: participantResource(c, p),
      });
    },
    messagingJoined(c) {
      for (const p of [...c.participants.values(), c.local]) {
        const local = p === c.local;
        comm.fromConversation(
          c,
          'participantMessaging',
          `${participantHref(c, p)}/messaging`,
          'added',
          {
            in: { rel: local ? 'localParticipant' : 'participant', ...participantLink(c, p) },
            resource: participantMessagingResource(c, p),
          },
        );
      }
    },
    fail(i, state, reason) {
      i.state = state;
      i.reason = reason;
      comm.invitationEvent(i, 'completed');
    },
    end(c) {
      const state = apps.peek(c.app);
      if (state === undefined || !state.conversations.has(c.id)) return;
      for (const timer of c.typing.values()) timer.cancel();
      c.typing.clear();
      c.audioVideo.timer?.cancel();
      c.phoneAudio.timer?.cancel();
      for (const i of state.invitations.values()) {
        if (i.conversation === c && i.state === 'Connecting') {
          comm.fail(i, 'Cancelled', {
            code: 'LocalFailure',
            subcode: 'Canceled',
            message: 'The conversation ended.',
          });
        }
      }
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
      c.state = 'Disconnected';
      state.conversations.delete(c.id);
      c.thread.members.delete(c);
      comm.conversationChanged(c, 'deleted');
      for (const other of others(c)) {
        const gone = other.participants.get(c.local.id);
        if (gone === undefined) continue;
        // Another endpoint of the same user may still be in the conversation.
        if ([...other.thread.members].some((m) => m !== other && m.local.id === c.local.id))
          continue;
        other.participants.delete(gone.id);
        other.typing.get(gone.id)?.cancel();
        other.typing.delete(gone.id);
        comm.fromConversation(other, 'participant', participantHref(other, gone), 'deleted');
        if (other.participants.size === 0) comm.end(other);
      }
    },
    endIfIdle(c) {
      if (isIdle(c)) comm.end(c);
      else comm.conversationChanged(c, 'updated');
    },
  };
  return comm;
}
