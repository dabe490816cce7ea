import type { ApplicationHandle } from '../../apps/application.ts';
import type { FeatureHost } from '../feature.ts';
import type { SubscriberState } from './people-subscriptions.ts';

/** What the people handlers share: the host and every application's subscriptions. */
export interface PeopleState {
  readonly host: FeatureHost;
  readonly subscribers: Map<string, SubscriberState>;
}

/** The subscriptions of one application, created on first use. */
export function subscriberOf(people: PeopleState, app: ApplicationHandle): SubscriberState {
  let state = people.subscribers.get(app.id);
  if (state === undefined) {
    state = { app, subscriptions: new Map() };
    people.subscribers.set(app.id, state);
  }
  return state;
}
