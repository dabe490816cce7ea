import type { SessionCore } from '../session/session-core.ts';

/** What is needed to set a conversation up again once its server state is gone. */
export interface RestoreTarget {
  /** The SIP URI of the other participant, invited again. */
  readonly remote: string;
  readonly subject: string | undefined;
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
    }
  );
}

/** Moves a route to the href of its conversation set up again. */
export function moveRoute(core: SessionCore, route: ConversationRoute, href: string): void {
  const key = core.key(href);
  route.current = key;
  route.hrefs.add(key);
  core.conversations.set(key, route);
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
export function forgetRoute(core: SessionCore, route: ConversationRoute): void {
  route.target = undefined;
  for (const href of route.hrefs) core.conversations.delete(href);
}

/** The distinct routes the session restores. */
export function keptRoutes(core: SessionCore): ConversationRoute[] {
  return [...new Set(core.conversations.values())].filter((r) => r.target !== undefined);
}
