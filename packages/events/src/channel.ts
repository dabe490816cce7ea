import type { EventBatch } from '@ucwa/model';
import { reconnectDelay } from './backoff.ts';
import { BatchQueue, type Received } from './batch-queue.ts';
import { classifyFailure, STOP_KINDS } from './classify.ts';
import { Dispatcher } from './dispatcher.ts';
import { UcwaChannelProtocolError } from './errors/channel-protocol-error.ts';
import { UcwaChannelStoppedError } from './errors/channel-stopped-error.ts';
import { eventIterable } from './event-iterable.ts';
import { OperationTracker } from './operation-tracker.ts';
import type { EventChannelOptions } from './options.ts';
import { type PGet, sendPGet, WatchdogTimeout } from './p-get.ts';
import { type ResolvedOptions, resolveOptions } from './resolve-options.ts';
import { resolveSettings, sameSettings, settingsQuery } from './settings.ts';
import { createSignalHub, type SignalHub } from './signal-hub.ts';
import { startPosition } from './start-position.ts';
import type {
  ChannelSettings,
  ChannelSignal,
  ChannelSignals,
  ChannelState,
  EventChannel,
  EventCursor,
  EventFilter,
  EventHandler,
  StopReason,
} from './types.ts';

class Channel {
  /** The options, with their defaults. */
  readonly #o: ResolvedOptions;
  readonly #hub: SignalHub;
  readonly #dispatcher: Dispatcher;
  readonly #tracker: OperationTracker;
  readonly #stopped: Promise<StopReason>;
  readonly #onStopped = new Set<() => void>();
  #resolveStopped!: (reason: StopReason) => void;
  #href: string;
  #settings: ChannelSettings;
  #sendSettings: boolean;
  #priority = 0;
  #state: ChannelState = { status: 'connecting' };
  #started = false;
  #request: PGet | undefined;
  #superseded: PGet[] = [];
  #attempt = 0;
  #retryTimer: unknown;
  readonly #queue: BatchQueue;
  #stopReason: StopReason | undefined;

  constructor(options: EventChannelOptions) {
    const start = startPosition(options);
    this.#o = resolveOptions(options);
    this.#href = start.href;
    this.#settings = start.settings;
    this.#sendSettings = start.sendSettings;
    this.#hub = createSignalHub((error) =>
      console.error('@ucwa/events: a signal listener failed', error),
    );
    this.#tracker = new OperationTracker(options.operations, this.#o.timers, this.#o.now);
    this.#dispatcher = new Dispatcher(
      (event) => this.#tracker.observe(event),
      (failure) => {
        if (this.#hub.has('error')) this.#hub.emit('error', failure);
        else console.error('@ucwa/events: an event handler failed', failure.error);
      },
    );
    this.#queue = new BatchQueue({
      acknowledge: (received) => this.#acknowledge(received),
      dispatch: (batch) => this.#dispatcher.dispatch(batch),
      halted: () => this.#stopReason !== undefined,
    });
    this.#stopped = new Promise((resolve) => {
      this.#resolveStopped = resolve;
    });
  }

  get state(): ChannelState {
    return this.#state;
  }

  get stopped(): Promise<StopReason> {
    return this.#stopped;
  }

  get cursor(): EventCursor {
    return { href: this.#href, settings: this.#settings, sendSettings: this.#sendSettings };
  }

  get settings(): ChannelSettings {
    return this.#settings;
  }

  start(): void {
    if (this.#started) return;
    this.#started = true;
    if (this.#stopReason !== undefined) return;
    if (this.#o.signal?.aborted === true) {
      this.#finish({ kind: 'aborted', cause: this.#o.signal.reason });
      return;
    }
    this.#o.signal?.addEventListener('abort', this.#onAbort, { once: true });
    this.#issue();
  }

  async stop(): Promise<void> {
    this.#finish({ kind: 'stopped' });
    await this.#stopped;
  }

  configure(changes: Partial<ChannelSettings>): void {
    const next = resolveSettings(changes, this.#settings);
    if (sameSettings(next, this.#settings)) return;
    this.#settings = next;
    this.#sendSettings = true;
    const current = this.#request;
    if (current === undefined || this.#stopReason !== undefined) return;
    // EventChannelDetails.md: a P-GET on the same href with a higher priority replaces the
    // pending one, which the server answers 409 PGetReplaced (ignored: we replaced it).
    this.#o.timers.clearTimeout(current.watchdog);
    this.#superseded.push(current);
    this.#request = undefined;
    this.#priority += 1;
    this.#issue();
  }

  on<R extends string>(filter: EventFilter<R>, handler: EventHandler<R>): () => void {
    return this.#dispatcher.add(filter, handler);
  }

  onSignal<S extends ChannelSignal>(
    signal: S,
    listener: (value: ChannelSignals[S]) => void,
  ): () => void {
    return this.#hub.on(signal, listener);
  }

  events(options: { readonly signal?: AbortSignal } = {}) {
    return eventIterable(
      {
        dispatcher: this.#dispatcher,
        isStopped: () => this.#state.status === 'stopped',
        onStopped: (callback) => {
          this.#onStopped.add(callback);
          return () => this.#onStopped.delete(callback);
        },
      },
      options.signal,
    );
  }

  trackOperation(operationId: string, options?: Parameters<EventChannel['trackOperation']>[1]) {
    return this.#tracker.track(operationId, options);
  }

  readonly #onAbort = (): void => {
    this.#finish({ kind: 'aborted', cause: this.#o.signal?.reason });
  };

  #issue(): void {
    if (this.#stopReason !== undefined) return;
    const query = this.#sendSettings
      ? {
          ...settingsQuery(this.#settings),
          ...(this.#priority > 0 ? { priority: String(this.#priority) } : {}),
        }
      : undefined;
    this.#request = sendPGet({
      fetchEvents: this.#o.fetchEvents,
      timers: this.#o.timers,
      href: this.#href,
      query,
      timeout: this.#settings.timeout * 1000 + this.#o.margin,
      onWatchdog: (request) => this.#onWatchdog(request),
      onBatch: (request, batch) => this.#onBatch(request, batch),
      onFailure: (request, error) => this.#onFailure(request, error),
    });
  }

  #settle(request: PGet): void {
    this.#o.timers.clearTimeout(request.watchdog);
    this.#request = undefined;
    for (const old of this.#superseded) old.controller.abort();
    this.#superseded = [];
  }

  #onWatchdog(request: PGet): void {
    if (request !== this.#request) return;
    const error = new WatchdogTimeout(`P-GET ${request.href} outlived its timeout`);
    this.#settle(request);
    request.controller.abort(error);
    this.#retry(error, undefined);
  }

  #onBatch(request: PGet, batch: EventBatch): void {
    if (request !== this.#request) return;
    this.#settle(request);
    const follow = batch.next ?? batch.resume ?? batch.resync;
    if (follow === undefined) {
      const error = new UcwaChannelProtocolError(
        'the answer carries no next, resume or resync link',
        request.href,
      );
      this.#finish({ kind: 'failed', error });
      return;
    }
    this.#attempt = 0;
    if (request.carriesSettings) this.#sendSettings = false;
    if (this.#state.status !== 'open') this.#setState({ status: 'open' });
    this.#queue.push({ batch, follow });
  }

  #onFailure(request: PGet, error: unknown): void {
    if (request !== this.#request) return;
    this.#settle(request);
    const failure = classifyFailure(error, this.#o.now());
    if (failure.kind === 'retry') this.#retry(error, failure.retryAfter);
    else this.#finish({ kind: STOP_KINDS[failure.kind], error });
  }

  #retry(error: unknown, retryAfter: number | undefined): void {
    if (this.#stopReason !== undefined) return;
    this.#attempt += 1;
    const attempt = this.#attempt;
    const delay = reconnectDelay(this.#o.backoff, attempt, this.#o.random, retryAfter);
    this.#setState({ status: 'backingOff', attempt, delay, error });
    this.#retryTimer = this.#o.timers.setTimeout(() => {
      this.#retryTimer = undefined;
      this.#issue();
    }, delay);
  }

  /** Follows `received`'s link (the P-GET that acknowledges it leaves) and says why. */
  #acknowledge({ batch, follow }: Received): void {
    this.#href = follow;
    const resumed = batch.next === undefined && batch.resume !== undefined;
    if (resumed) this.#sendSettings = true;
    this.#issue();
    if (resumed) this.#hub.emit('resumed', { href: follow });
    else if (batch.next === undefined) this.#hub.emit('resync', { href: follow });
  }

  #finish(reason: StopReason): void {
    if (this.#stopReason !== undefined) return;
    this.#stopReason = reason;
    this.#o.signal?.removeEventListener('abort', this.#onAbort);
    this.#o.timers.clearTimeout(this.#retryTimer);
    const request = this.#request;
    if (request !== undefined) {
      this.#settle(request);
      request.controller.abort(new UcwaChannelStoppedError(reason));
    }
    // Batches still queued were not acknowledged: the cursor points at them.
    this.#queue.clear();
    void this.#queue.idle.then(() => this.#close(reason));
  }

  #close(reason: StopReason): void {
    if (reason.kind === 'replaced') this.#hub.emit('replaced', { error: reason.error });
    if (reason.kind === 'applicationLost') {
      this.#hub.emit('applicationLost', { error: reason.error });
    }
    this.#setState({ status: 'stopped', reason });
    this.#tracker.failAll(new UcwaChannelStoppedError(reason));
    for (const callback of [...this.#onStopped]) callback();
    this.#onStopped.clear();
    this.#resolveStopped(reason);
  }

  #setState(state: ChannelState): void {
    this.#state = state;
    this.#hub.emit('state', state);
  }
}

/**
 * Opens the event channel of one application (EventsInUCWA.md): P-GETs on the hrefs the
 * server returns, each batch acknowledged by following its `next` once it is safely in
 * hand, events dispatched once and in order. Reconnects with backoff on network errors,
 * 5xx and timeouts; follows `resync` and `resume`; stops on 409 PGetReplaced it did not
 * cause, on 404 ApplicationNotFound / 410, and on authentication failures.
 *
 * @example
 * ```ts
 * import { createEventChannel } from '@ucwa/events';
 *
 * const channel = createEventChannel({
 *   href: findLink(application, 'events')!.href,
 *   fetchEvents: (href, o) => transport.getEvents(href, o),
 * });
 * channel.on({ rel: 'audioVideo', type: 'updated' }, (event) => {
 *   console.log(event.resource?.properties.state);
 * });
 * channel.start();
 * ```
 */
export function createEventChannel(options: EventChannelOptions): EventChannel {
  return new Channel(options);
}
