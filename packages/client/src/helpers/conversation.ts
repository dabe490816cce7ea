import { findLinks, isResource, type Resource, type UnknownResource } from '@ucwa/model';
import { invokeLink, type TrackedOperation } from '../session/invoke.ts';
import { followLink, offering } from '../session/navigation.ts';
import type { SessionCore } from '../session/session-core.ts';
import { subscribe } from '../session/subscribe.ts';
import { type AudioVideo, openAudioVideo } from './audio-video.ts';
import {
  type ConversationEntry,
  type ConversationLife,
  conversationEntry,
} from './conversation-handles.ts';
import { type ConversationRoute, forgetRoute } from './conversation-routes.ts';
import { decide, type LobbyChange, lobbyParticipants, onLobby } from './lobby.ts';
import { type MessageText, messageText } from './message-text.ts';

/** A message as it arrived on the event channel. */
export interface ReceivedMessage extends MessageText {
  readonly href: string;
  readonly direction: 'Incoming' | 'Outgoing' | undefined;
  /** The sending participant's link title (the name), when the server gave one. */
  readonly from: string | undefined;
  readonly resource: UnknownResource;
}

/** A remote participant started or stopped typing. */
export interface TypingChange {
  readonly participant: string;
  readonly typing: boolean;
}

/** A message sent: its href, and its delivery reported on the event channel. */
export interface SentMessage {
  readonly href: string | undefined;
  readonly operation: TrackedOperation | undefined;
}

/** One conversation of the session. */
export interface Conversation {
  /** The conversation's href now (a new one once the session set it up again after a loss). */
  readonly href: string;
  /** The conversation as stored now. */
  resource(): Promise<Resource<'conversation'>>;
  /** The messaging modality of the conversation. */
  messaging(): Promise<Resource<'messaging'>>;
  /** Sends a message (SendAnIM.md): plain text, or HTML with `{ html: true }`. */
  send(text: string, options?: { readonly html?: boolean }): Promise<SentMessage>;
  /** Tells the others the user is typing (the server stops it after a while). */
  setTyping(): Promise<void>;
  /**
   * Each message arriving in this conversation, once and in order. With `{ outgoing: true }`
   * also each message the user sent there, from this session or another tab or process of
   * the application (`direction: 'Outgoing'`), in order with the others, once its delivery
   * is reported (a message sent without an `operationId`, as some clients do, reports none).
   */
  onMessage(
    handler: (message: ReceivedMessage) => void,
    options?: { readonly outgoing?: boolean },
  ): () => void;
  /** Remote participants starting and stopping to type. */
  onTyping(handler: (change: TypingChange) => void): () => void;
  /**
   * Invites someone into the conversation (addParticipant_ref.md; a two-party conversation
   * becomes a meeting first); resolves once they are in the roster, rejects with
   * `UcwaOperationError` if they decline or cannot be reached.
   */
  addParticipant(to: string): Promise<void>;
  /**
   * The conversation's audioVideo modality, followed live (also to the conversation set
   * up again after a loss).
   */
  audioVideo(): Promise<AudioVideo>;
  /**
   * The participants waiting in this meeting conversation's lobby (lobby_ref.md): only a
   * leader of the meeting (its organizer, or one it names) has a lobby to read
   * (`UcwaLinkError` otherwise).
   */
  lobby(): Promise<Resource<'participant'>[]>;
  /**
   * Participants entering and leaving the lobby, as a leader of the meeting sees them; the
   * event channel waits for a returned promise (an `admit` made there, say).
   */
  onLobby(handler: (change: LobbyChange) => void | Promise<void>): () => void;
  /**
   * Admits a participant waiting in the lobby (admit_ref.md): its `meetings.join` then
   * resolves. Rejects when it no longer waits: `UcwaLinkError` when the stored participant
   * links no `admit`, the transport's `UcwaHttpError` (404) when the server refuses.
   */
  admit(participant: Resource<'participant'>): Promise<void>;
  /**
   * Turns a participant in the lobby away (reject_ref.md): its `meetings.join` rejects with
   * `UcwaOperationError`. Rejects as `admit` does when it no longer waits.
   */
  reject(participant: Resource<'participant'>): Promise<void>;
  /**
   * Called once when the conversation ends (deleted, or `Disconnected`: the user left here
   * or in another tab, the others left, ...); at once when it has already ended. The
   * session then lets go of it: `messaging.conversation(href)` no longer returns it.
   */
  onEnded(handler: () => void): () => void;
  /**
   * Leaves the conversation: stops messaging in a two-party conversation; leaves a meeting
   * (or one joined without messaging) altogether. The session no longer sets it up again.
   */
  leave(): Promise<void>;
}

async function conversationOf(core: SessionCore, href: string): Promise<Resource<'conversation'>> {
  const resource = await core.store.read(href);
  if (!isResource(resource, 'conversation'))
    throw new TypeError(`${href} is a ${resource.rel}, not a conversation`);
  return resource;
}

async function messagingOf(
  core: SessionCore,
  href: string,
  link: string,
): Promise<Resource<'messaging'>> {
  const conversation = await conversationOf(core, href);
  const messaging = await offering(core, await followLink(core, conversation, 'messaging'), link);
  if (!isResource(messaging, 'messaging'))
    throw new TypeError(`${href}: messaging link leads to ${messaging.rel}`);
  return messaging;
}

/**
 * The messaging modality offering `link`; a meeting joined without messaging gets it first
 * (addMessaging_ref.md).
 */
async function connectedMessaging(
  core: SessionCore,
  href: string,
  link: string,
): Promise<Resource<'messaging'>> {
  const messaging = await messagingOf(core, href, link);
  if (findLinks(messaging, link).length > 0 || findLinks(messaging, 'addMessaging').length === 0)
    return messaging;
  const added = await invokeLink(core, messaging, 'addMessaging');
  await added.operation?.result;
  return messagingOf(core, href, link);
}

/** A message event's resource as a {@link ReceivedMessage}, when it carries text. */
export function received(
  core: SessionCore,
  href: string,
  resource: UnknownResource,
): ReceivedMessage | undefined {
  const text = messageText(resource);
  if (text === undefined) return undefined;
  const direction = resource.properties.direction;
  return {
    ...text,
    href: core.key(href),
    direction: direction === 'Incoming' || direction === 'Outgoing' ? direction : undefined,
    from: findLinks(resource, 'participant')[0]?.title,
    resource,
  };
}

/** Waits while the session recreates its application and sets the conversation up again. */
async function settled(core: SessionCore, route: ConversationRoute): Promise<string> {
  while (core.recovering !== undefined) await core.recovering;
  // A restore may put a new `ready` in place while the old one is awaited.
  let ready: Promise<void>;
  do {
    ready = route.ready;
    await ready;
  } while (ready !== route.ready);
  return route.current;
}

async function send(
  core: SessionCore,
  route: ConversationRoute,
  text: string,
  html: boolean,
): Promise<SentMessage> {
  const href = await settled(core, route);
  const messaging = await connectedMessaging(core, href, 'sendMessage');
  const link = findLinks(messaging, 'sendMessage')[0];
  if (link === undefined) throw new TypeError(`${href}: messaging offers no sendMessage now`);
  const operationId = core.cfg.randomId();
  const handle = core.channel?.trackOperation(operationId);
  handle?.result.catch(() => {});
  try {
    const answer = await core.transport.post(
      core.key(link.href),
      { text, contentType: `${html ? 'text/html' : 'text/plain'}; charset=utf-8` },
      { query: { operationId } },
    );
    return { href: answer.location, operation: handle };
  } catch (error) {
    // Not sent: nothing will complete the operation, so it is not kept waiting.
    handle?.cancel(error);
    throw error;
  }
}

/**
 * Leaves: a two-party conversation by stopping its messaging; a meeting, or a conversation
 * whose messaging offers no `stopMessaging` (joined without it, say), by DELETE, which
 * removes the user and tears every modality down (conversation_ref.md).
 */
async function leave(core: SessionCore, route: ConversationRoute): Promise<void> {
  const href = route.current;
  if (route.target?.onlineMeetingUri === undefined) {
    const messaging = await messagingOf(core, href, 'stopMessaging').catch(() => undefined);
    if (messaging !== undefined && findLinks(messaging, 'stopMessaging').length > 0) {
      await invokeLink(core, messaging, 'stopMessaging');
      return;
    }
  }
  await core.transport.delete(core.key(href));
}

/** Calls `handler` when the conversation ends (at once if it has). */
function onEnded(life: ConversationLife, handler: () => void): () => void {
  if (life.ended) {
    queueMicrotask(handler);
    return () => {};
  }
  const listener = () => handler();
  life.endListeners.add(listener);
  return () => life.endListeners.delete(listener);
}

/**
 * The session's one entry for the conversation at `href` (made on first use); its object
 * follows the conversation when it is restored.
 */
export function conversationEntryOf(core: SessionCore, href: string): ConversationEntry {
  return conversationEntry(core, href, (route, life) => newHandle(core, route, life));
}

/** The session's one object for the conversation at `href`. */
export function conversationHandle(core: SessionCore, href: string): Conversation {
  return conversationEntryOf(core, href).conversation;
}

function newHandle(
  core: SessionCore,
  route: ConversationRoute,
  life: ConversationLife,
): Conversation {
  const mine = (senderHref: string) => route.hrefs.has(core.key(senderHref));
  return {
    get href() {
      return route.current;
    },
    resource: () => conversationOf(core, route.current),
    messaging: () => messagingOf(core, route.current, 'self'),
    send: (text, o) => send(core, route, text, o?.html === true),
    setTyping: async () => {
      const messaging = await connectedMessaging(core, await settled(core, route), 'setIsTyping');
      await invokeLink(core, messaging, 'setIsTyping');
    },
    onMessage: (handler, o) =>
      subscribe(core, { rel: 'message', type: 'completed' }, (event, sender) => {
        if (!mine(sender.href) || event.resource === undefined) return;
        const message = received(core, event.link.href, event.resource);
        const outgoing = o?.outgoing === true && message?.direction === 'Outgoing';
        if (message !== undefined && (message.direction === 'Incoming' || outgoing))
          handler(message);
      }),
    onTyping: (handler) =>
      subscribe(core, { rel: 'participant' }, (event, sender) => {
        if (!mine(sender.href) || event.in?.rel !== 'typingParticipants') return;
        if (event.type !== 'added' && event.type !== 'deleted') return;
        handler({ participant: core.key(event.link.href), typing: event.type === 'added' });
      }),
    addParticipant: async (to) => {
      const conversation = await conversationOf(core, await settled(core, route));
      const added = await invokeLink(core, conversation, 'addParticipant', { to });
      await added.operation?.result;
    },
    audioVideo: () => openAudioVideo(core, route),
    lobby: async () =>
      lobbyParticipants(core, await conversationOf(core, await settled(core, route))),
    onLobby: (handler) => onLobby(core, mine, handler),
    admit: (participant) => decide(core, participant, 'admit'),
    reject: (participant) => decide(core, participant, 'reject'),
    onEnded: (handler) => onEnded(life, handler),
    leave: async () => {
      await leave(core, route);
      forgetRoute(core, route);
    },
  };
}
