import { findLinks, type UnknownResource } from '@ucwa/model';
import { missingLink } from '../errors/missing-link.ts';
import { batchGet } from '../session/batch-get.ts';
import { communicationHub } from '../session/hub.ts';
import { offering } from '../session/navigation.ts';
import type { SessionCore } from '../session/session-core.ts';
import { subscribe } from '../session/subscribe.ts';
import { type Conversation, conversationHandle } from './conversation.ts';

/**
 * The messaging modality an event names, as embedded or else as read now (through the
 * store, which applied the event first: one GET for every handler).
 */
async function messagingState(
  core: SessionCore,
  event: { link: { href: string }; resource?: UnknownResource },
): Promise<unknown> {
  if (event.resource !== undefined) return event.resource.properties.state;
  try {
    return (await core.store.read(event.link.href)).properties.state;
  } catch {
    return undefined; // gone already: nothing to tell
  }
}

/**
 * Calls `handler` once for each conversation of the application whose messaging connects
 * from now on, whoever started or accepted it (this session, another tab, another process
 * of the application): the events of the application's channel say so to every one of
 * them. The channel waits for a returned promise before the next event.
 */
export function onConversation(
  core: SessionCore,
  handler: (conversation: Conversation) => void | Promise<void>,
): () => void {
  // By object: a conversation set up again after a loss has a new href, and the same object.
  const told = new WeakSet<Conversation>();
  return subscribe(core, { rel: 'messaging', type: 'updated' }, async (event, sender) => {
    if (sender.rel !== 'conversation') return;
    if ((await messagingState(core, event)) !== 'Connected') return;
    const conversation = conversationHandle(core, sender.href);
    if (told.has(conversation)) return;
    told.add(conversation);
    await handler(conversation);
  });
}

/** The conversation is on and its messaging connected (conversation_ref.md). */
function messagingOn(conversation: UnknownResource): boolean {
  const { state, activeModalities } = conversation.properties;
  return (
    conversation.rel === 'conversation' &&
    state !== 'Disconnected' &&
    Array.isArray(activeModalities) &&
    activeModalities.includes('Messaging')
  );
}

/**
 * The application's conversations with messaging connected now, as the communication
 * resource's `conversations` link lists them (conversations_ref.md), read afresh.
 */
export async function listConversations(
  core: SessionCore,
  signal?: AbortSignal,
): Promise<Conversation[]> {
  const o = signal === undefined ? {} : { signal };
  const hub = await offering(core, communicationHub(core), 'conversations', signal);
  const link = findLinks(hub, 'conversations')[0];
  if (link === undefined) throw missingLink(hub, 'conversations');
  // Its members change with no event of its own: read afresh.
  const list = await core.store.read(core.key(link.href), { ...o, fresh: true });
  const base = core.key(list.href);
  const hrefs = findLinks(list, 'conversation').map((c) => new URL(c.href, base).href);
  // Those not stored yet in one batch (a tab that just opened has none of them).
  const missing = hrefs.filter((href) => core.store.peek(href) === undefined);
  if (missing.length > 1) await batchGet(core, missing, signal).catch(() => undefined);
  const read = hrefs.map((href) => core.store.read(href, o).catch(() => undefined));
  const resources = await Promise.all(read);
  return resources
    .filter((r): r is UnknownResource => r !== undefined && messagingOn(r))
    .map((r) => conversationHandle(core, r.href));
}
