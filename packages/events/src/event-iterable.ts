import type { Dispatcher } from './dispatcher.ts';
import type { ChannelEvent } from './types.ts';

interface Waiting {
  readonly item: ChannelEvent;
  readonly taken: () => void;
}

interface Consumer {
  resolve(result: IteratorResult<ChannelEvent>): void;
  reject(error: unknown): void;
}

/** What an iterable needs of the channel. */
export interface IterableSource {
  readonly dispatcher: Dispatcher;
  /** Registers a callback for when the channel has stopped; returns its removal. */
  onStopped(callback: () => void): () => void;
  readonly isStopped: () => boolean;
}

/**
 * The channel's events as an async iterable with back-pressure: the subscription behind it
 * resolves only once the consumer has taken the event, so a slow consumer holds the
 * dispatch, and with it the next P-GET. At most one event waits. The iteration ends when
 * the channel stops, and rejects with `signal.reason` when `signal` aborts.
 */
export function eventIterable(
  source: IterableSource,
  signal: AbortSignal | undefined,
): AsyncIterable<ChannelEvent> {
  return {
    [Symbol.asyncIterator]() {
      let waiting: Waiting | undefined;
      let consumer: Consumer | undefined;
      let ended: { error: unknown } | { done: true } | undefined;
      const finish = (end: { error: unknown } | { done: true }): void => {
        if (ended !== undefined) return;
        ended = end;
        unsubscribe();
        removeStop();
        signal?.removeEventListener('abort', onAbort);
        waiting?.taken();
        waiting = undefined;
        const c = consumer;
        consumer = undefined;
        if (c === undefined) return;
        if ('error' in end) c.reject(end.error);
        else c.resolve({ done: true, value: undefined });
      };
      const onAbort = (): void => finish({ error: signal?.reason });
      const unsubscribe = source.dispatcher.add({}, (event, sender) => {
        if (ended !== undefined) return undefined;
        const item: ChannelEvent = { event, sender };
        if (consumer !== undefined) {
          const c = consumer;
          consumer = undefined;
          c.resolve({ done: false, value: item });
          return undefined;
        }
        return new Promise<void>((taken) => {
          waiting = { item, taken };
        });
      });
      const removeStop = source.onStopped(() => {
        if (waiting === undefined) finish({ done: true });
      });
      if (signal?.aborted === true) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
      if (source.isStopped()) finish({ done: true });
      return {
        next(): Promise<IteratorResult<ChannelEvent>> {
          if (waiting !== undefined) {
            const w = waiting;
            waiting = undefined;
            w.taken();
            if (source.isStopped()) finish({ done: true });
            return Promise.resolve({ done: false, value: w.item });
          }
          if (ended !== undefined) {
            return 'error' in ended
              ? Promise.reject(ended.error)
              : Promise.resolve({ done: true, value: undefined });
          }
          return new Promise((resolve, reject) => {
            consumer = { resolve, reject };
          });
        },
        return(): Promise<IteratorResult<ChannelEvent>> {
          finish({ done: true });
          return Promise.resolve({ done: true, value: undefined });
        },
      };
    },
  };
}
