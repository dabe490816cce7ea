import { isUcwaHttpError } from '@ucwa/transport';
import type { SessionCore } from '../session/session-core.ts';

/** Which media the audioVideo modality carried. */
export interface AudioVideoMedia {
  readonly audio: boolean;
  readonly video: boolean;
}

/**
 * What is needed to set a conversation up again once its server state is gone, kept
 * current by the conversation's events while it lives.
 */
export interface RestoreTarget {
  /**
   * The SIP URIs of the remote participants, by participant href (or by `invited:` and the
   * URI for those known before any event): in the order they came.
   */
  readonly participants: Map<string, string>;
  readonly subject: string | undefined;
  /** The meeting the conversation is in (joined, or escalated to by addParticipant). */
  onlineMeetingUri: string | undefined;
  /**
   * The user joined the meeting by its URI (`meetings.join`): it is set up again only by
   * joining again, never by inviting the people who were in it.
   */
  readonly joined: boolean;
  /** Messaging was connected. */
  messaging: boolean;
  /** The audioVideo modality was connecting or connected, with these media. */
  media: AudioVideoMedia | undefined;
}

/** A restore target: `remotes` invited (or inviting), and a meeting, if any. */
export function newTarget(o: {
  readonly remotes: readonly string[];
  readonly subject: string | undefined;
  readonly onlineMeetingUri?: string | undefined;
  readonly messaging: boolean;
  readonly joined?: boolean;
}): RestoreTarget {
  return {
    participants: new Map(o.remotes.map((uri) => [`invited:${uri}`, uri])),
    subject: o.subject,
    onlineMeetingUri: o.onlineMeetingUri,
    messaging: o.messaging,
    joined: o.joined ?? false,
    media: undefined,
  };
}

/** The distinct remote participants of a target, in the order they came. */
export function remoteUris(target: RestoreTarget): string[] {
  return [...new Set(target.participants.values())];
}

/**
 * Where a conversation of the session lives now. A conversation set up again after the
 * application was lost gets a new href on the server; the session's conversation keeps
 * its route, so its handle and its message stream carry on.
 */
export interface ConversationRoute {
  /** The href of the conversation now. */
  current: string;
  /** Every href the conversation had, the first one included. */
  readonly hrefs: Set<string>;
  /** Settles when messaging is connected again after the conversation was set up again. */
  ready: Promise<void>;
  /** Set while the session restores this conversation after losing it. */
  target: RestoreTarget | undefined;
  /** Called when the route moves to a new href (an audioVideo handle follows it). */
  readonly moved: Set<() => void>;
}

const SETTLED = Promise.resolve();

/** The route of the conversation at `href`: the one the session keeps, or a new one. */
export function routeOf(core: SessionCore, href: string): ConversationRoute {
  const key = core.key(href);
  return (
    core.conversations.get(key) ?? {
      current: key,
      hrefs: new Set([key]),
      ready: SETTLED,
      target: undefined,
      moved: new Set(),
    }
  );
}

/** Moves a route to the href of its conversation set up again. */
export function moveRoute(core: SessionCore, route: ConversationRoute, href: string): void {
  const key = core.key(href);
  route.current = key;
  route.hrefs.add(key);
  core.conversations.set(key, route);
  for (const moved of [...route.moved]) moved();
}

/** The session keeps `route` and sets its conversation up again after a loss. */
export function keepRoute(
  core: SessionCore,
  route: ConversationRoute,
  target: RestoreTarget,
): void {
  route.target = target;
  for (const href of route.hrefs) core.conversations.set(href, route);
}

/** The conversation ended for good: it is no longer restored. */
/**
 * Whether the conversation of `route` still stands on the server (the application came back
 * as it was): `gone` when the server says it does not exist (404, 410) or it is
 * Disconnected, `unknown` when it could not be read (the network, a 5xx, the leading tab
 * going away): nothing is set up again or ended on a guess.
 */
export async function standing(
  core: SessionCore,
  route: ConversationRoute,
): Promise<'standing' | 'gone' | 'unknown'> {
  try {
    const conversation = await core.store.read(route.current, { fresh: true });
    const live =
      conversation.rel === 'conversation' && conversation.properties.state !== 'Disconnected';
    return live ? 'standing' : 'gone';
  } catch (error) {
    return isUcwaHttpError(error) && (error.status === 404 || error.status === 410)
      ? 'gone'
      : 'unknown';
  }
}

export function forgetRoute(core: SessionCore, route: ConversationRoute): void {
  route.target = undefined;
  for (const href of route.hrefs) core.conversations.delete(href);
}

/** The distinct routes the session restores. */
export function keptRoutes(core: SessionCore): ConversationRoute[] {
  return [...new Set(core.conversations.values())].filter((r) => r.target !== undefined);
}
