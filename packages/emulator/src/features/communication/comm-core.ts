import type { UcwaErrorBody } from '@ucwa/model';
import type { ApplicationHandle } from '../../apps/application.ts';
import type { Conference } from '../../core/conferences.ts';
import type { Priority } from '../../events/priority.ts';
import type { PublishedEvent } from '../../events/publisher.ts';
import { ucwaError } from '../../http/errors.ts';
import type { ErrorReply, Reply } from '../../http/types.ts';
import { createPutGuard } from '../conditional-put.ts';
import type { FeatureHost, RouteContext } from '../feature.ts';
import { type PerApplication, perApplication } from '../state.ts';
import {
  conversationChanged,
  endConversation,
  invitationEvent,
  messagingJoined,
  publish,
} from './comm-events.ts';
import {
  convPath,
  messagingResource,
  participantHref,
  participantResource,
} from './comm-resources.ts';
import type { AppComm, Conversation, Invitation, Party, Thread } from './comm-state.ts';
import { isIdle } from './comm-state.ts';

/** Optional parts of an event. */
export interface Extras {
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
  /** The thread of each online meeting someone is in, by lower-cased focus URI. */
  readonly meetings: Map<string, Thread>;
  /** Ad hoc meetings (joinOnlineMeeting without a URI), by lower-cased focus URI. */
  readonly adhoc: Map<string, Conference>;
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

/** A (state, ctx) handler for one conversation: 404 ConversationNotFound when there is none. */
export const inConversation =
  (handle: (comm: Comm, c: Conversation, ctx: RouteContext) => Reply) =>
  (comm: Comm, ctx: RouteContext): Reply => {
    const c = comm.conversation(ctx);
    return 'error' in c ? c : handle(comm, c, ctx);
  };

/** 404 ConversationNotFound. */
export const notFound = (): ErrorReply =>
  ucwaError(404, 'ConversationNotFound', { message: 'The conversation does not exist.' });

/** The communication family's shared state and events for one emulator. */
export function createComm(host: FeatureHost): Comm {
  const apps = perApplication<AppComm>(() => ({
    guard: createPutGuard(host.ids),
    settings: {},
    supportedModalities: [],
    supportedMessageFormats: [],
    conversations: new Map(),
    invitations: new Map(),
  }));
  const comm: Comm = {
    host,
    apps,
    meetings: new Map(),
    adhoc: new Map(),
    conversation(ctx) {
      return apps.get(ctx.app).conversations.get(ctx.params.conversation ?? '') ?? notFound();
    },
    fromCommunication: (app, rel, href, type, extras = {}) =>
      publish(
        host,
        { rel: 'communication', href: app.href('communication') },
        app,
        rel,
        href,
        type,
        extras,
      ),
    fromConversation: (c, rel, href, type, extras = {}) =>
      publish(host, { rel: 'conversation', href: convPath(c) }, c.app, rel, href, type, extras),
    conversationChanged: (c, type) => conversationChanged(comm, c, type),
    messagingUpdated: (c) =>
      comm.fromConversation(c, 'messaging', convPath(c, 'messaging'), 'updated', {
        resource: messagingResource(c),
      }),
    invitationEvent: (i, type, priority) => invitationEvent(comm, i, type, priority),
    localParticipantAdded: (c) =>
      comm.fromConversation(c, 'localParticipant', participantHref(c, c.local), 'added', {
        resource: participantResource(c, c.local),
      }),
    participantAdded: (c, p) =>
      comm.fromConversation(c, 'participant', participantHref(c, p), 'added', {
        resource: participantResource(c, p),
      }),
    messagingJoined: (c) => messagingJoined(comm, c),
    fail(i, state, reason) {
      i.state = state;
      i.reason = reason;
      comm.invitationEvent(i, 'completed');
    },
    end: (c) => endConversation(comm, c),
    endIfIdle: (c) => (isIdle(c) ? comm.end(c) : comm.conversationChanged(c, 'updated')),
  };
  return comm;
}
