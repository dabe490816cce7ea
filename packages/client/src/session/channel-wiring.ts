import { createEventChannel, type EventCursor } from '@ucwa/events';
import type { SessionCore } from './session-core.ts';

/** What to do when the channel reports trouble; implemented by the recovery module. */
export interface ChannelReactions {
  readonly lost: (error: unknown) => void;
  readonly failed: (error: unknown) => void;
  readonly rebuild: (resumed: boolean) => void;
  readonly end: (reason: { kind: 'authFailed' | 'replaced'; error: unknown }) => void;
}

/**
 * Starts an event channel for the current application, from its `events` link or from
 * a cursor: the store's handler first, then every subscription of the session's user,
 * then the signals that drive recovery.
 */
export function attachChannel(
  core: SessionCore,
  reactions: ChannelReactions,
  cursor?: EventCursor,
): void {
  const events = core.application.links.events;
  const href = cursor === undefined ? events?.href : undefined;
  if (cursor === undefined && href === undefined) {
    throw new TypeError('the application has no events link');
  }
  const transport = core.transport;
  const channel = createEventChannel({
    fetchEvents: (h, o) => transport.getEvents(h, o),
    ...(cursor === undefined ? { href: href ?? '' } : { cursor }),
    ...(core.cfg.options.events === undefined ? {} : { settings: core.cfg.options.events }),
    timers: core.cfg.timers,
    now: core.cfg.now,
  });
  core.channel = channel;
  channel.on({}, (event) => core.store.apply(event));
  for (const s of core.subscriptions) s.detach = channel.on(s.filter, s.handler);
  channel.onSignal('applicationLost', ({ error }) => reactions.lost(error));
  channel.onSignal('resync', () => reactions.rebuild(false));
  channel.onSignal('resumed', () => reactions.rebuild(true));
  void channel.stopped.then((reason) => {
    if (core.channel !== channel) return;
    if (reason.kind === 'authFailed' || reason.kind === 'replaced') reactions.end(reason);
    else if (reason.kind === 'failed') reactions.failed(reason.error);
  });
  channel.start();
}
