import type { EventFilter, EventHandler } from '@ucwa/events';
import type { SessionCore, Subscription } from './session-core.ts';

/**
 * Subscribes to the session's events: on the channel running now and on each channel of
 * a recreated application. Returns the unsubscribe function.
 */
export function subscribe<R extends string>(
  core: SessionCore,
  filter: EventFilter<R>,
  handler: EventHandler<R>,
): () => void {
  // The channel hands a subscriber only events its filter chose, so the typed view of the
  // embedded resource is the filter's promise; the registry keeps the untyped handler.
  const entry: Subscription = { filter, handler: handler as EventHandler, detach: () => {} };
  if (core.channel !== undefined) entry.detach = core.channel.on(filter, handler);
  core.subscriptions.add(entry);
  return () => {
    entry.detach();
    core.subscriptions.delete(entry);
  };
}
