import {
  type ChannelState,
  createEventChannel,
  type EventChannel,
  type EventCursor,
} from '@ucwa/events';
import type { SessionCore } from './session-core.ts';

/** What to do when the channel reports trouble; implemented by the recovery module. */
export interface ChannelReactions {
  readonly lost: (error: unknown) => void;
  readonly failed: (error: unknown) => void;
  readonly rebuild: (resumed: boolean) => void;
  readonly end: (reason: { kind: 'authFailed' | 'replaced'; error: unknown }) => void;
}

/**
 * A channel backing off after failed P-GETs makes the session `reconnecting`; its next
 * answered P-GET makes it `ready` again. Recreating the application sets the status itself.
 */
function followState(core: SessionCore, channel: EventChannel, state: ChannelState): void {
  if (core.channel !== channel || core.recovering !== undefined) return;
  if (state.status === 'backingOff') {
    core.status.set({
      state: 'reconnecting',
      reason: { kind: 'channelFailed', error: state.error },
    });
  } else if (state.status === 'open' && core.status.current.state === 'reconnecting') {
    core.status.set({ state: 'ready' });
  }
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
    fetchEvents: core.fetchEvents ?? ((h, o) => transport.getEvents(h, o)),
    ...(cursor === undefined ? { href: href ?? '' } : { cursor }),
    ...(core.cfg.options.events === undefined ? {} : { settings: core.cfg.options.events }),
    timers: core.cfg.timers,
    now: core.cfg.now,
  });
  core.channel = channel;
  channel.on({}, (event) => core.store.apply(event));
  for (const s of core.subscriptions) s.detach = channel.on(s.filter, s.handler);
  channel.onSignal('state', (state) => followState(core, channel, state));
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
