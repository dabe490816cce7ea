import type { EventBatch } from '@ucwa/model';
import type { Clock, TimerHandle } from '../core/clock.ts';
import { enqueue, type QueuedEvent, releaseAt, toSenders } from './queue.ts';
import { applyQuery, type ChannelSettings, requestPriority } from './settings.ts';

/** How a P-GET ended. */
export type ChannelAnswer =
  | { readonly kind: 'batch'; readonly batch: EventBatch }
  /** Another P-GET took its place: 409 PGetReplaced. */
  | { readonly kind: 'replaced' }
  /** The application went away: 404 ApplicationNotFound. */
  | { readonly kind: 'gone' };

export interface ChannelOptions {
  readonly clock: Clock;
  /** The href of the P-GET that acknowledges up to `ack - 1`. */
  readonly href: (ack: number) => string;
  readonly settings: ChannelSettings;
  /** No P-GET for this long → the next answer carries `resume` and transient state resets. */
  readonly resumeAfterMs: number;
  /** Called when transient state resets (features close conversations, subscriptions). */
  readonly onResume: () => void;
}

/** Per-request overrides from the fault plan. */
export interface PGetFlags {
  readonly resync?: boolean;
  readonly resume?: boolean;
}

interface Waiter {
  readonly ack: number;
  readonly priority: number;
  readonly startedAt: number;
  readonly answer: (answer: ChannelAnswer) => void;
}

/**
 * One event channel (EventChannelDetails.md, EventsInUCWA.md): a queue of events, at most
 * one waiting P-GET, numbered batches acknowledged by following `next`.
 *
 * Batch `n` is answered to `events?ack=n`; its `next` is `events?ack=n+1`, and following
 * it acknowledges batch `n`. Asking again with `ack=n` before following `next` gets the
 * same batch again (a lost answer); any other number gets a lone `resync`.
 */
export class EventChannel {
  readonly #options: ChannelOptions;
  #settings: ChannelSettings;
  #queue: QueuedEvent[] = [];
  /** The first batch number not yet acknowledged. */
  #expected = 1;
  #formed: EventBatch | undefined;
  #waiter: Waiter | undefined;
  #timer: TimerHandle | undefined;
  #lastAnswerAt: number;
  #resumePending = false;
  #closed = false;

  constructor(options: ChannelOptions) {
    this.#options = options;
    this.#settings = options.settings;
    this.#lastAnswerAt = options.clock.now();
  }

  /** The settings the channel remembers (after the last P-GET's query). */
  get settings(): ChannelSettings {
    return this.#settings;
  }

  /** Whether a P-GET is waiting (it keeps the application alive). */
  get waiting(): boolean {
    return this.#waiter !== undefined;
  }

  /** Events queued and not yet formed into a batch. */
  get queued(): number {
    return this.#queue.length;
  }

  /** The href a client should use next: the first unacknowledged batch. */
  get nextHref(): string {
    return this.#options.href(this.#expected);
  }

  /** Queues an event and releases the waiting P-GET if it is due. */
  push(item: Omit<QueuedEvent, 'at'>): void {
    if (this.#closed) return;
    this.#queue = enqueue(this.#queue, { ...item, at: this.#options.clock.now() });
    this.#schedule();
  }

  /** Answers a P-GET on `events?ack=N`, now or when events arrive or it times out. */
  get(query: URLSearchParams, signal: AbortSignal, flags: PGetFlags = {}): Promise<ChannelAnswer> {
    if (this.#closed) return Promise.resolve({ kind: 'gone' });
    const ack = Number(query.get('ack') ?? String(this.#expected));
    // Following `next` acknowledges the batch before anything else happens: a forced
    // resync then points past it (EventChannelDetails.md: at the first unacknowledged
    // batch), so the client never gets an acknowledged batch twice.
    if (ack === this.#expected + 1 && this.#formed !== undefined) {
      this.#formed = undefined;
      this.#expected = ack;
    }
    if (flags.resync === true || ack !== this.#expected) return Promise.resolve(this.#resync());
    this.#settings = applyQuery(this.#settings, query);
    if (this.#formed !== undefined) return Promise.resolve({ kind: 'batch', batch: this.#formed });
    this.#checkResume(flags.resume === true);
    return this.#wait(ack, requestPriority(query), signal);
  }

  /** Ends the channel; a waiting P-GET gets 404 ApplicationNotFound. */
  close(): void {
    this.#closed = true;
    this.#timer?.cancel();
    const waiter = this.#waiter;
    this.#waiter = undefined;
    waiter?.answer({ kind: 'gone' });
  }

  #resync(): ChannelAnswer {
    const href = this.#options.href(this.#expected);
    return { kind: 'batch', batch: { href, resync: href, senders: [] } };
  }

  #checkResume(forced: boolean): void {
    const idle = this.#options.clock.now() - this.#lastAnswerAt;
    if (!forced && (this.#waiter !== undefined || idle <= this.#options.resumeAfterMs)) return;
    // EventsInUCWA.md: after a long gap the server has dropped conversations and
    // subscriptions; the events telling so are never delivered: dropping them queues
    // events (conversation deleted, ...) that the reset clears with the rest.
    this.#options.onResume();
    this.#queue = [];
    this.#resumePending = true;
  }

  #wait(ack: number, priority: number, signal: AbortSignal): Promise<ChannelAnswer> {
    const previous = this.#waiter;
    if (previous !== undefined && priority < previous.priority) {
      return Promise.resolve({ kind: 'replaced' });
    }
    if (signal.aborted) return Promise.resolve({ kind: 'gone' });
    return new Promise<ChannelAnswer>((resolve) => {
      const waiter: Waiter = {
        ack,
        priority,
        startedAt: this.#options.clock.now(),
        answer: (answer) => {
          signal.removeEventListener('abort', onAbort);
          resolve(answer);
        },
      };
      // The client went away: stop waiting, and settle, so nothing holds on to this P-GET.
      const onAbort = (): void => {
        if (this.#waiter === waiter) {
          this.#waiter = undefined;
          this.#lastAnswerAt = this.#options.clock.now();
          this.#timer?.cancel();
        }
        resolve({ kind: 'gone' });
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.#waiter = waiter;
      previous?.answer({ kind: 'replaced' });
      this.#schedule();
    });
  }

  #schedule(): void {
    this.#timer?.cancel();
    this.#timer = undefined;
    const waiter = this.#waiter;
    if (waiter === undefined) return;
    const timeoutAt = waiter.startedAt + this.#settings.timeout * 1000;
    const eventsAt = releaseAt(this.#queue, this.#settings);
    const at = eventsAt === undefined ? timeoutAt : Math.min(eventsAt, timeoutAt);
    const delay = at - this.#options.clock.now();
    if (delay <= 0) this.#release();
    else this.#timer = this.#options.clock.setTimeout(() => this.#release(), delay);
  }

  #release(): void {
    const waiter = this.#waiter;
    if (waiter === undefined) return;
    this.#timer?.cancel();
    this.#waiter = undefined;
    const link = this.#options.href(waiter.ack + 1);
    const batch: EventBatch = {
      href: this.#options.href(waiter.ack),
      ...(this.#resumePending ? { resume: link } : { next: link }),
      senders: toSenders(this.#queue),
    };
    this.#queue = [];
    this.#resumePending = false;
    this.#formed = batch;
    this.#lastAnswerAt = this.#options.clock.now();
    waiter.answer({ kind: 'batch', batch });
  }
}
