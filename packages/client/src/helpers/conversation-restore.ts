import { findLinks, type UnknownResource } from '@ucwa/model';
import { communicationHub } from '../session/hub.ts';
import { invokeLink } from '../session/invoke.ts';
import type { SessionCore } from '../session/session-core.ts';
import { subscribe } from '../session/subscribe.ts';
import {
  type ConversationRoute,
  forgetRoute,
  keepRoute,
  keptRoutes,
  moveRoute,
  type RestoreTarget,
} from './conversation-routes.ts';

/** The conversation still stands on the server (the application came back as it was). */
async function stands(core: SessionCore, route: ConversationRoute): Promise<boolean> {
  try {
    const conversation = await core.store.read(route.current, { fresh: true });
    return conversation.rel === 'conversation' && conversation.properties.state !== 'Disconnected';
  } catch {
    return false;
  }
}

/** The communication hub, read again when it does not offer startMessaging yet. */
async function hubWithStart(core: SessionCore): Promise<UnknownResource> {
  const hub = communicationHub(core);
  if (findLinks(hub, 'startMessaging').length > 0) return hub;
  return core.store.read(hub.href, { fresh: true });
}

/**
 * Invites the other participant again to a new conversation with the same subject, and
 * moves the route there at once; sends wait on `route.ready` until the invitation is
 * accepted. A declined or failed invitation ends the conversation for good.
 */
async function reinvite(core: SessionCore, route: ConversationRoute): Promise<void> {
  const target = route.target;
  if (target === undefined) return;
  const started = await invokeLink(core, await hubWithStart(core), 'startMessaging', {
    to: target.remote,
    subject: target.subject,
  });
  const invitation =
    started.resource?.rel === 'messagingInvitation'
      ? started.resource
      : await core.store.read(started.location ?? '', { fresh: true });
  const link = findLinks(invitation, 'conversation')[0];
  if (link === undefined) throw new TypeError(`${invitation.href} links no conversation`);
  moveRoute(core, route, link.href);
  const accepted = started.operation?.result.then(() => {});
  route.ready = accepted ?? Promise.resolve();
  accepted?.catch(() => forgetRoute(core, route));
}

/** Sets up again each conversation the session keeps whose server state is gone. */
async function restoreConversations(core: SessionCore): Promise<void> {
  for (const route of keptRoutes(core)) {
    if (await stands(core, route)) continue;
    await reinvite(core, route).catch(() => forgetRoute(core, route));
  }
}

/**
 * The session keeps the conversation of `route` from now on: after the application is
 * lost (or the server drops conversations on `resume`), it invites `target.remote` again.
 * The conversation ending (it is deleted while the application lives, or the user leaves)
 * ends that.
 */
export function restoreConversation(
  core: SessionCore,
  route: ConversationRoute,
  target: RestoreTarget,
): void {
  keepRoute(core, route, target);
  if (core.restorers.has('conversations')) return;
  core.restorers.set('conversations', () => restoreConversations(core));
  subscribe(core, { rel: 'conversation', type: 'deleted' }, (event) => {
    const ended = core.conversations.get(core.key(event.link.href));
    if (ended !== undefined && ended.current === core.key(event.link.href))
      forgetRoute(core, ended);
  });
}
