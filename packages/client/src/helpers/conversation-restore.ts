import { findLinks, type UnknownResource } from '@ucwa/model';
import { communicationHub } from '../session/hub.ts';
import { type InvokeResult, invokeLink } from '../session/invoke.ts';
import { offering } from '../session/navigation.ts';
import type { SessionCore } from '../session/session-core.ts';
import { endConversation } from './conversation-handles.ts';
import {
  type AudioVideoMedia,
  type ConversationRoute,
  forgetRoute,
  keepRoute,
  keptRoutes,
  moveRoute,
  type RestoreTarget,
  remoteUris,
  standing,
} from './conversation-routes.ts';
import { trackConversations } from './conversation-tracking.ts';

/** The conversation could not be set up again: the session lets go of it, and it ended. */
function giveUp(core: SessionCore, route: ConversationRoute): void {
  forgetRoute(core, route);
  endConversation(core, route.current);
}

/** The communication hub, read again when it does not offer `rel` yet. */
const hubWith = (core: SessionCore, rel: string): Promise<UnknownResource> =>
  offering(core, communicationHub(core), rel);

/** The resource at `href`, read again once if it does not offer `rel` yet. */
const offeringAt = async (core: SessionCore, href: string, rel: string) =>
  offering(core, await core.store.read(href), rel);

/** What a restore step started: `done` settles when it has connected (or failed). */
interface Started {
  readonly done: Promise<void>;
}

/**
 * Moves the route to the conversation an invitation just made leads to (at once, so
 * events of the new conversation are its own); `done` is the invitation's outcome.
 */
async function moveToInvitation(
  core: SessionCore,
  route: ConversationRoute,
  started: InvokeResult,
): Promise<Started> {
  const operation = started.operation;
  if (operation === undefined) throw new TypeError('the invitation was not tracked');
  const invitation = started.resource?.rel.endsWith('Invitation')
    ? started.resource
    : await core.store.read(started.location ?? '', { fresh: true });
  const link = findLinks(invitation, 'conversation')[0];
  if (link === undefined) throw new TypeError(`${invitation.href} links no conversation`);
  moveRoute(core, route, link.href);
  return { done: operation.result.then(() => {}) };
}

/** The modality `rel` (messaging, audioVideo) of the route's conversation, offering `action`. */
async function modality(
  core: SessionCore,
  route: ConversationRoute,
  rel: string,
  action: string,
): Promise<UnknownResource> {
  const conversation = await core.store.read(route.current, { fresh: true });
  const link = findLinks(conversation, rel)[0];
  if (link === undefined) throw new TypeError(`${route.current} links no ${rel}`);
  return offeringAt(core, link.href, action);
}

/** Joins the meeting again (joinOnlineMeeting_ref.md), with messaging if it had it. */
async function rejoin(core: SessionCore, route: ConversationRoute, uri: string): Promise<Started> {
  // As it was before the loss: the new conversation's own events change the target.
  const hadMessaging = route.target?.messaging === true;
  const hub = await hubWith(core, 'joinOnlineMeeting');
  const started = await invokeLink(core, hub, 'joinOnlineMeeting', { onlineMeetingUri: uri });
  const joined = await moveToInvitation(core, route, started);
  const done = joined.done.then(async () => {
    if (!hadMessaging) return;
    const messaging = await modality(core, route, 'messaging', 'addMessaging');
    await (await invokeLink(core, messaging, 'addMessaging')).operation?.result;
  });
  return { done };
}

/**
 * Invites the first remote participant again (startMessaging, same subject), then each of
 * the others with the new conversation's addParticipant once the first has accepted.
 */
async function reinvite(
  core: SessionCore,
  route: ConversationRoute,
  target: RestoreTarget,
): Promise<Started> {
  const [first, ...others] = remoteUris(target);
  if (first === undefined) throw new TypeError('no one to invite to the conversation again');
  const hub = await hubWith(core, 'startMessaging');
  const started = await invokeLink(core, hub, 'startMessaging', {
    to: first,
    subject: target.subject,
  });
  const accepted = await moveToInvitation(core, route, started);
  const done = accepted.done.then(() => {
    void addOthers(core, route, others).catch(() => {});
  });
  return { done };
}

/** Invites `uris` into the route's conversation, one after the other. */
async function addOthers(core: SessionCore, route: ConversationRoute, uris: readonly string[]) {
  for (const to of uris) {
    const conversation = await offeringAt(core, route.current, 'addParticipant');
    const added = await invokeLink(core, conversation, 'addParticipant', { to });
    await added.operation?.result.catch(() => {});
  }
}

/** Adds the audioVideo media the conversation carried before (addAudio_ref.md, ...). */
async function restoreMedia(
  core: SessionCore,
  route: ConversationRoute,
  media: AudioVideoMedia | undefined,
): Promise<void> {
  const target = route.target;
  if (target === undefined || media === undefined) return;
  const action = media.video ? (media.audio ? 'addAudioVideo' : 'addVideo') : 'addAudio';
  const av = await modality(core, route, 'audioVideo', action);
  const to = remoteUris(target)[0] ?? target.onlineMeetingUri ?? '';
  await invokeLink(core, av, action, { to });
}

/**
 * Sets one conversation up again: a meeting (joined, or escalated to by addParticipant) is
 * joined again by its URI; otherwise, or when that fails and there are people to invite,
 * they are invited again. Resolves once the requests went out; `route.ready` settles when
 * messaging is back and audioVideo was added again as it was.
 */
async function restoreOne(core: SessionCore, route: ConversationRoute): Promise<void> {
  const target = route.target;
  if (target === undefined) return;
  const uri = target.onlineMeetingUri;
  // What the conversation carried before the loss, before its new events say otherwise.
  const media = target.media;
  // A meeting the user joined by its URI comes back only by joining it again.
  const alone = (error: unknown): undefined => {
    if (target.joined || remoteUris(target).length === 0) throw error;
    return undefined;
  };
  // A join that fails at once or later: the people in it are invited instead, if any.
  const joined = uri === undefined ? undefined : await rejoin(core, route, uri).catch(alone);
  const back =
    joined === undefined
      ? (await reinvite(core, route, target)).done
      : joined.done.catch(async (error: unknown) => {
          alone(error);
          return (await reinvite(core, route, target)).done;
        });
  // Sends wait for the media too: a call that could not be added again is not a failure.
  route.ready = back.then(() => restoreMedia(core, route, media).catch(() => {}));
  route.ready.catch(() => giveUp(core, route));
}

/** Holds the sends of `route` until the returned function is called. */
function hold(route: ConversationRoute): () => void {
  let release = (): void => {};
  route.ready = new Promise<void>((resolve) => {
    release = resolve;
  });
  return release;
}

/**
 * Sets up again each conversation the session keeps whose server state is gone. Sends
 * wait meanwhile (after `resume` the session is not `reconnecting`, so they would not).
 */
async function restoreConversations(core: SessionCore): Promise<void> {
  const routes = keptRoutes(core);
  const holds = routes.map(hold);
  for (const [i, route] of routes.entries()) {
    try {
      // Not readable now: left as it is, neither set up twice nor ended on a guess.
      if ((await standing(core, route)) === 'gone')
        await restoreOne(core, route).catch(() => giveUp(core, route));
    } finally {
      holds[i]?.();
    }
  }
}

/**
 * The session keeps the conversation of `route` from now on: after the application is
 * lost (or the server drops conversations on `resume`), it sets it up again as `target`
 * says. The conversation ending (it is deleted while the application lives, or the user
 * leaves) ends that.
 */
export function restoreConversation(
  core: SessionCore,
  route: ConversationRoute,
  target: RestoreTarget,
): void {
  keepRoute(core, route, target);
  if (core.restorers.has('conversations')) return;
  core.restorers.set('conversations', () => restoreConversations(core));
  trackConversations(core);
}
