import type { EventBatch } from '@ucwa/model';

/** A batch received and not yet dispatched; `follow` is where to ask next. */
export interface Received {
  readonly batch: EventBatch;
  readonly follow: string;
}

/** What the queue asks of its channel. */
export interface BatchQueueHooks {
  /** Acknowledges `received` (the P-GET on its `follow` leaves); called just before dispatch. */
  readonly acknowledge: (received: Received) => void;
  /** Dispatches the batch's events; a promise while async handlers run. */
  readonly dispatch: (batch: EventBatch) => Promise<void> | undefined;
  /** Whether the channel stopped: nothing more is taken from the queue. */
  readonly halted: () => boolean;
}

/**
 * Received batches, dispatched one at a time. Each batch is acknowledged just before it
 * is dispatched, so the server is already holding the next P-GET while handlers run; a
 * batch that arrives meanwhile waits, unacknowledged, so a slow consumer holds the channel
 * instead of piling batches up.
 */
export class BatchQueue {
  readonly #hooks: BatchQueueHooks;
  #queue: Received[] = [];
  #dispatching: Promise<void> = Promise.resolve();
  #draining = false;

  constructor(hooks: BatchQueueHooks) {
    this.#hooks = hooks;
  }

  /** Settles once the batch being dispatched (if any) is done. */
  get idle(): Promise<void> {
    return this.#dispatching;
  }

  push(received: Received): void {
    this.#queue.push(received);
    if (this.#draining) return;
    this.#draining = true;
    this.#dispatching = this.#drain();
  }

  /** Forgets the batches not yet dispatched (they were not acknowledged). */
  clear(): void {
    this.#queue = [];
  }

  async #drain(): Promise<void> {
    try {
      for (;;) {
        const received = this.#hooks.halted() ? undefined : this.#queue.shift();
        if (received === undefined) return;
        this.#hooks.acknowledge(received);
        const pending = this.#hooks.dispatch(received.batch);
        if (pending !== undefined) await pending;
      }
    } finally {
      // Cleared in the same turn the loop ends: an answer already queued as a microtask
      // (a fetchEvents that resolves at once) then starts a new drain instead of waiting
      // for a drain that has finished.
      this.#draining = false;
    }
  }
}
