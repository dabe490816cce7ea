import type { OperationProgress } from '@ucwa/events';
import { findLinks, type Importance, listEmbedded, type UnknownResource } from '@ucwa/model';
import { communicationHub } from '../session/hub.ts';
import { invokeLink } from '../session/invoke.ts';
import type { SessionCore } from '../session/session-core.ts';
import { subscribe } from '../session/subscribe.ts';
import {
  type Conversation,
  conversationEntryOf,
  conversationHandle,
  type ReceivedMessage,
  received,
} from './conversation.ts';
import { listConversations, onConversation } from './conversation-feed.ts';
import { restoreConversation } from './conversation-restore.ts';
import { newTarget, type RestoreTarget } from './conversation-routes.ts';
import { type MessageText, messageDataUri, messageText } from './message-text.ts';

/** What `messaging.start` takes. */
export interface StartMessagingOptions {
  /** The SIP URI of the person to invite (`sip:bob@contoso.com`). */
  readonly to: string;
  readonly subject?: string;
  /** The first message, sent with the invitation. */
  readonly message?: string;
  /** The first message is HTML. Default `false`. */
  readonly html?: boolean;
  readonly importance?: Importance;
  /** `started`/`updated` events of the invitation. */
  readonly onProgress?: (progress: OperationProgress) => void;
  readonly signal?: AbortSignal;
}

/** An invitation to a conversation, as the invitee sees it. */
export interface IncomingInvitation {
  readonly href: string;
  /** The inviter's name (the `from` link's title) and participant href. */
  readonly from: { readonly name: string | undefined; readonly href: string | undefined };
  readonly subject: string | undefined;
  /** The first message, when the inviter sent one. */
  readonly message: MessageText | undefined;
  /**
   * Set for an invitation into a meeting (an onlineMeetingInvitation: someone added the user
   * to a conversation with addParticipant): its URI.
   */
  readonly onlineMeetingUri: string | undefined;
  readonly resource: UnknownResource;
  /** Joins the conversation. */
  accept(): Promise<Conversation>;
  /** Refuses the invitation. */
  decline(): Promise<void>;
}

/** Instant messaging (SendAnIM.md, ReceiveAnIM.md). */
export interface Messaging {
  /** Invites someone; resolves with the conversation once they accept (rejects if they decline). */
  start(options: StartMessagingOptions): Promise<Conversation>;
  /**
   * Each incoming invitation, once: to messaging, or into a meeting someone added the user
   * to (addParticipant). A returned promise is awaited before the next event is
   * dispatched, so a handler that accepts and then subscribes to messages misses none.
   */
  onInvitation(handler: (invitation: IncomingInvitation) => void | Promise<void>): () => void;
  /** The session's one object for the conversation at `href` (the same on every call). */
  conversation(href: string): Conversation;
  /** Each incoming message of any conversation, once and in order, with its conversation. */
  onMessage(handler: (message: ReceivedMessage, conversation: Conversation) => void): () => void;
  /**
   * Each conversation of the application whose messaging connects from now on, once,
   * whoever started or accepted it: this session, another tab of `joinTabs`, another
   * process signed in to the same application. It gets the object `conversation(href)`
   * returns (and `start` or `accept` resolve with, here); its `onEnded` says when it ends.
   * The channel waits for a returned promise before the next event, so a handler that
   * subscribes to its messages misses none.
   */
  onConversation(handler: (conversation: Conversation) => void | Promise<void>): () => void;
  /**
   * The application's conversations with messaging connected now (the communication
   * resource's `conversations`), for a tab or process that comes after they started.
   */
  conversations(options?: { readonly signal?: AbortSignal }): Promise<Conversation[]>;
}

/**
 * The conversation an invitation leads to, kept by the session: set up again as `target`
 * says after the application is lost.
 */
export function keptConversation(
  core: SessionCore,
  invitation: UnknownResource,
  target: RestoreTarget,
): Conversation {
  const link = findLinks(invitation, 'conversation')[0];
  if (link === undefined) throw new TypeError(`${invitation.rel} has no conversation link`);
  const entry = conversationEntryOf(core, link.href);
  restoreConversation(core, entry.route, target);
  return entry.conversation;
}

/** A string property of an invitation, if it has one. */
function text(invitation: UnknownResource, name: string): string | undefined {
  const value = invitation.properties[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The inviter's SIP URI, from the participant the invitation embeds. */
function inviterUri(resource: UnknownResource): string | undefined {
  const uri = listEmbedded(resource, 'from')[0]?.properties.uri;
  return typeof uri === 'string' ? uri : undefined;
}

async function start(core: SessionCore, o: StartMessagingOptions): Promise<Conversation> {
  const communication = communicationHub(core);
  const started = await invokeLink(
    core,
    communication,
    'startMessaging',
    {
      to: o.to,
      subject: o.subject,
      importance: o.importance,
      message: o.message === undefined ? undefined : messageDataUri(o.message, o.html),
    },
    o.signal,
    o.onProgress,
  );
  if (started.operation === undefined) throw new TypeError('startMessaging was not tracked');
  const result = await started.operation.result;
  const invitation =
    result.resource ?? (await core.store.read(result.event.link.href, { fresh: true }));
  return keptConversation(
    core,
    invitation,
    newTarget({ remotes: [o.to], subject: o.subject, messaging: true }),
  );
}

function incoming(core: SessionCore, resource: UnknownResource): IncomingInvitation {
  const from = findLinks(resource, 'from')[0];
  const subject = text(resource, 'subject');
  const meeting = resource.rel === 'onlineMeetingInvitation';
  const onlineMeetingUri = meeting ? text(resource, 'onlineMeetingUri') : undefined;
  const inviter = inviterUri(resource);
  return {
    href: core.key(resource.href),
    from: { name: from?.title, href: from === undefined ? undefined : core.key(from.href) },
    subject,
    message: messageText(resource),
    onlineMeetingUri,
    resource,
    accept: async () => {
      await invokeLink(core, resource, 'accept');
      const remotes = inviter === undefined ? [] : [inviter];
      return keptConversation(
        core,
        resource,
        newTarget({ remotes, subject, onlineMeetingUri, messaging: true }),
      );
    },
    decline: async () => {
      await invokeLink(core, resource, 'decline');
    },
  };
}

/** The messaging helper of a session. */
export function createMessaging(core: SessionCore): Messaging {
  return {
    start: (o) => start(core, o),
    onInvitation: (handler) => {
      const ring = async (event: { link: { href: string }; resource?: UnknownResource }) => {
        const resource = event.resource ?? (await core.store.read(event.link.href));
        if (resource.properties.direction === 'Incoming') await handler(incoming(core, resource));
      };
      const stops = [
        subscribe(core, { rel: 'messagingInvitation', type: 'started' }, ring),
        // Someone's addParticipant rings here as an onlineMeetingInvitation.
        subscribe(core, { rel: 'onlineMeetingInvitation', type: 'started' }, ring),
      ];
      return () => {
        for (const stop of stops) stop();
      };
    },
    conversation: (href) => conversationHandle(core, href),
    onConversation: (handler) => onConversation(core, handler),
    conversations: (o) => listConversations(core, o?.signal),
    onMessage: (handler) =>
      subscribe(core, { rel: 'message', type: 'completed' }, (event, sender) => {
        if (event.resource === undefined || sender.rel !== 'conversation') return;
        const message = received(core, event.link.href, event.resource);
        if (message?.direction === 'Incoming')
          handler(message, conversationHandle(core, sender.href));
      }),
  };
}
