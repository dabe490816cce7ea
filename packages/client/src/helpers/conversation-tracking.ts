import type { SenderRef, TypedEvent } from '@ucwa/events';
import { findLinks } from '@ucwa/model';
import type { SessionCore } from '../session/session-core.ts';
import { subscribe } from '../session/subscribe.ts';
import { type ConversationRoute, forgetRoute, type RestoreTarget } from './conversation-routes.ts';

/** The target of the kept conversation at `href`, if the session keeps it. */
function targetOf(core: SessionCore, href: string): RestoreTarget | undefined {
  return core.conversations.get(core.key(href))?.target;
}

/** A remote participant came or left: the people to invite again follow. */
function participantChanged(core: SessionCore, event: TypedEvent<string>, sender: SenderRef): void {
  // Someone typing, or waiting in the lobby, is no one to invite again after a loss.
  const aside = event.in?.rel === 'typingParticipants' || event.in?.rel === 'lobby';
  if (sender.rel !== 'conversation' || aside) return;
  const target = targetOf(core, sender.href);
  if (target === undefined || event.link.rel !== 'participant') return;
  const href = core.key(event.link.href);
  if (event.type === 'added') {
    const uri = event.resource?.properties.uri;
    if (typeof uri === 'string') target.participants.set(href, uri);
  } else if (event.type === 'deleted') {
    const uri = target.participants.get(href);
    for (const [key, value] of target.participants)
      if (value === uri) target.participants.delete(key);
  }
}

/** The meeting a conversation is in, once it says (joined, or escalated by addParticipant). */
function conversationChanged(core: SessionCore, event: TypedEvent<string>): void {
  const target = targetOf(core, event.link.href);
  const uri = event.resource?.properties.onlineMeetingUri;
  if (target !== undefined && typeof uri === 'string' && uri !== '') target.onlineMeetingUri = uri;
}

function messagingChanged(core: SessionCore, event: TypedEvent<string>, sender: SenderRef): void {
  const target = targetOf(core, sender.href);
  const state = event.resource?.properties.state;
  if (target !== undefined && typeof state === 'string') target.messaging = state === 'Connected';
}

/**
 * audioVideo changed: its media read again (its `updated` event embeds nothing). The
 * `stopAudio` / `stopVideo` links say which media it carries (audioVideo_ref.md). The
 * store applied the event first (it dropped what it held, or read it again for a watcher),
 * so a plain read is current and shares that GET instead of sending another.
 */
async function audioVideoChanged(core: SessionCore, href: string, sender: SenderRef) {
  const target = targetOf(core, sender.href);
  if (target === undefined) return;
  try {
    const av = await core.store.read(href);
    const state = av.properties.state;
    const on = state === 'Connected' || state === 'Connecting';
    target.media = on
      ? {
          audio: findLinks(av, 'stopAudio').length > 0,
          video: findLinks(av, 'stopVideo').length > 0,
        }
      : undefined;
  } catch {
    // Gone with the conversation: what it carried before stays as it was.
  }
}

/**
 * Keeps the restore targets of the session's conversations current from their events:
 * participants, the meeting, messaging and audioVideo; a conversation deleted while the
 * application lives ends its route.
 */
export function trackConversations(core: SessionCore): void {
  subscribe(core, { rel: 'participant' }, (event, sender) =>
    participantChanged(core, event, sender),
  );
  subscribe(core, { rel: 'conversation', sender: 'communication' }, (event) => {
    if (event.type === 'deleted') {
      const ended: ConversationRoute | undefined = core.conversations.get(
        core.key(event.link.href),
      );
      if (ended !== undefined && ended.current === core.key(event.link.href))
        forgetRoute(core, ended);
    } else conversationChanged(core, event);
  });
  subscribe(core, { rel: 'messaging', type: 'updated' }, (event, sender) =>
    messagingChanged(core, event, sender),
  );
  subscribe(core, { rel: 'audioVideo', type: 'updated' }, (event, sender) => {
    void audioVideoChanged(core, event.link.href, sender);
  });
}
