import type { ChannelSignal, ChannelSignals } from './types.ts';

type Listener<S extends ChannelSignal> = (value: ChannelSignals[S]) => void;

/** The channel's signal listeners, per signal. */
export interface SignalHub {
  on<S extends ChannelSignal>(signal: S, listener: Listener<S>): () => void;
  emit<S extends ChannelSignal>(signal: S, value: ChannelSignals[S]): void;
  has(signal: ChannelSignal): boolean;
}

/**
 * Listeners run synchronously in the order they subscribed. A listener that throws does
 * not keep the others from running; its error is handed to `onListenerError`.
 */
export function createSignalHub(onListenerError: (error: unknown) => void): SignalHub {
  const listeners = new Map<ChannelSignal, Array<(value: never) => void>>();
  return {
    on(signal, listener) {
      const list = [...(listeners.get(signal) ?? []), listener as (value: never) => void];
      listeners.set(signal, list);
      return () => {
        const current = listeners.get(signal) ?? [];
        listeners.set(
          signal,
          current.filter((l) => l !== listener),
        );
      };
    },
    emit(signal, value) {
      for (const listener of listeners.get(signal) ?? []) {
        try {
          (listener as Listener<typeof signal>)(value);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    has: (signal) => (listeners.get(signal)?.length ?? 0) > 0,
  };
}
