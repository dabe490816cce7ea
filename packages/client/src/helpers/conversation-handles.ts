import type { SessionCore } from '../session/session-core.ts';
import { subscribe } from '../session/subscribe.ts';
import type { Conversation } from './conversation.ts';
import { type ConversationRoute, routeOf, standing } from './conversation-routes.ts';

/** Whether a conversation has ended, and who waits for that. */
export interface ConversationLife {
  /** Set once the session saw the conversation end. */
  ended: boolean;
  /** Called once when it ends. */
  readonly endListeners: Set<() => void>;
}

/** The one `Conversation` of a session for a conversation. */
export interface ConversationEntry {
  readonly route: ConversationRoute;
  readonly conversation: Conversation;
  readonly life: ConversationLife;
}

/** A session's conversation objects, by every href their conversation had. */
export interface ConversationHandles {
  readonly byHref: Map<string, ConversationEntry>;
  /** The session watches for conversations ending (subscribed once, on first use). */
  watching: boolean;
}

/** An empty registry, for a new session. */
export function conversationHandles(): ConversationHandles {
  return { byHref: new Map(), watching: false };
}

/** The conversation ended: its listeners are told, and the session lets go of it. */
export function endConversation(core: SessionCore, href: string): void {
  const key = core.key(href);
  const entry = core.handles.byHref.get(key);
  // An href the conversation had before it was set up again is no longer it.
  if (entry === undefined || entry.route.current !== key || entry.life.ended) return;
  entry.life.ended = true;
  for (const h of entry.route.hrefs) core.handles.byHref.delete(h);
  const listeners = [...entry.life.endListeners];
  entry.life.endListeners.clear();
  for (const listener of listeners) listener();
}

/**
 * After the application was lost (or the server dropped conversations on `resume`), the
 * conversations the session does not set up again, and no longer on the server, have
 * ended: no event says so (another tab, say, started them; it sets them up again anew).
 */
async function endLost(core: SessionCore): Promise<void> {
  for (const entry of new Set(core.handles.byHref.values())) {
    if (entry.route.target !== undefined || entry.life.ended) continue;
    if ((await standing(core, entry.route)) === 'gone') endConversation(core, entry.route.current);
  }
}

/**
 * Watches the application's conversations end: deleted (conversation_ref.md), or updated
 * to the `Disconnected` state, or lost with the application.
 */
function watchEnds(core: SessionCore): void {
  core.handles.watching = true;
  core.restorers.set('conversationEnds', () => endLost(core));
  subscribe(core, { rel: 'conversation', sender: 'communication' }, (event) => {
    const state = event.resource?.properties.state;
    if (event.type === 'deleted' || (event.type === 'updated' && state === 'Disconnected'))
      endConversation(core, event.link.href);
  });
}

/**
 * The entry of the conversation at `href`: the one the session made before (under this
 * href or one its conversation had), or a new one whose object `make` builds.
 */
export function conversationEntry(
  core: SessionCore,
  href: string,
  make: (route: ConversationRoute, life: ConversationLife) => Conversation,
): ConversationEntry {
  const key = core.key(href);
  const known = core.handles.byHref.get(key);
  if (known !== undefined) return known;
  if (!core.handles.watching) watchEnds(core);
  const route = routeOf(core, key);
  const life: ConversationLife = { ended: false, endListeners: new Set() };
  const entry: ConversationEntry = { route, conversation: make(route, life), life };
  for (const h of route.hrefs) core.handles.byHref.set(h, entry);
  // Set up again after a loss, the conversation keeps its object under its new href.
  route.moved.add(() => {
    if (!life.ended) core.handles.byHref.set(route.current, entry);
  });
  return entry;
}
