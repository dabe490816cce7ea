import type { EventBatch, UcwaEvent } from '@ucwa/model';
import type { EventFilter, EventHandler, HandlerFailure, SenderRef } from './types.ts';

interface Subscription {
  readonly rel: string | undefined;
  readonly sender: string | undefined;
  readonly type: string | undefined;
  readonly handler: EventHandler;
}

/** Something that sees every event first, before the subscriptions (the operation tracker). */
export type EventObserver = (event: UcwaEvent, sender: SenderRef) => void;

const matches = (s: Subscription, event: UcwaEvent, sender: SenderRef): boolean =>
  (s.rel === undefined || s.rel === event.link.rel) &&
  (s.type === undefined || s.type === event.type) &&
  (s.sender === undefined || s.sender === sender.rel);

function isPromise(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * Hands each event of a batch to the matching subscriptions, strictly one event at a time:
 * a handler's promise is awaited before the next handler or event. A handler that throws
 * or rejects is reported to `onFailure` and the others still run.
 */
export class Dispatcher {
  #subscriptions: readonly Subscription[] = [];
  readonly #observe: EventObserver;
  readonly #onFailure: (failure: HandlerFailure) => void;

  constructor(observe: EventObserver, onFailure: (failure: HandlerFailure) => void) {
    this.#observe = observe;
    this.#onFailure = onFailure;
  }

  /** Adds a subscription; the returned function removes it (from the next event on). */
  add<R extends string>(filter: EventFilter<R>, handler: EventHandler<R>): () => void {
    const subscription: Subscription = {
      rel: filter.rel,
      sender: filter.sender,
      type: filter.type,
      handler: handler as EventHandler,
    };
    // Copy on write: a dispatch in progress keeps the list it started the event with.
    this.#subscriptions = [...this.#subscriptions, subscription];
    return () => {
      this.#subscriptions = this.#subscriptions.filter((s) => s !== subscription);
    };
  }

  /** Dispatches every event of `batch` in order; resolves when the last handler is done. */
  async dispatch(batch: EventBatch): Promise<void> {
    for (const sender of batch.senders) {
      for (const event of sender.events) {
        this.#observe(event, sender);
        for (const subscription of this.#subscriptions) {
          if (!matches(subscription, event, sender)) continue;
          try {
            const result = subscription.handler(event, sender);
            if (isPromise(result)) await result;
          } catch (error) {
            this.#onFailure({ error, event, sender });
          }
        }
      }
    }
  }
}
