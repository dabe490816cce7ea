import type { EventBatch, EventSender, UcwaEvent } from '@ucwa/model';
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

  /**
   * Dispatches every event of `batch` in order. Returns `undefined` when every handler
   * finished synchronously, else a promise that settles when the last one has: a batch of
   * synchronous handlers costs no promise at all.
   */
  dispatch(batch: EventBatch): Promise<void> | undefined {
    return this.#run(batch, 0, 0, undefined, 0);
  }

  /**
   * Runs from sender `s`, event `e`, subscription `k` of the list `list` that event started
   * with (`undefined`: the event has not started); suspends at the first handler promise
   * and resumes after it, so order is kept.
   */
  #run(
    batch: EventBatch,
    s: number,
    e: number,
    list: readonly Subscription[] | undefined,
    k: number,
  ): Promise<void> | undefined {
    const senders = batch.senders;
    for (; s < senders.length; s += 1, e = 0) {
      const sender = senders[s] as EventSender;
      const events = sender.events;
      for (; e < events.length; e += 1, list = undefined, k = 0) {
        const event = events[e] as UcwaEvent;
        if (list === undefined) {
          this.#observe(event, sender);
          list = this.#subscriptions;
        }
        for (; k < list.length; k += 1) {
          const subscription = list[k] as Subscription;
          if (!matches(subscription, event, sender)) continue;
          let result: unknown;
          try {
            result = subscription.handler(event, sender);
          } catch (error) {
            this.#onFailure({ error, event, sender });
            continue;
          }
          if (!isPromise(result)) continue;
          const current = list;
          const resume = (): Promise<void> | undefined => this.#run(batch, s, e, current, k + 1);
          return Promise.resolve(result).then(resume, (error: unknown) => {
            this.#onFailure({ error, event, sender });
            return resume();
          });
        }
      }
    }
    return undefined;
  }
}
