import type { UcwaEvent } from '@ucwa/model';
import { UcwaOperationError } from './errors/operation-error.ts';
import { UcwaOperationTimeoutError } from './errors/operation-timeout-error.ts';
import type { OperationHandle, OperationResult, TrackOperationOptions } from './operation-types.ts';
import type { OperationBufferOptions, Timers } from './options.ts';

export const OPERATION_BUFFER_DEFAULTS: Required<OperationBufferOptions> = {
  ttl: 60_000,
  maxOperations: 256,
};

const OPERATION_EVENTS: ReadonlySet<string> = new Set(['started', 'updated', 'completed']);

interface Tracked {
  readonly options: TrackOperationOptions;
  settle(outcome: { value: OperationResult } | { error: unknown }): void;
}

interface Buffered {
  readonly at: number;
  readonly events: UcwaEvent[];
}

/** The `operationId` an operation event embeds, if any. */
function operationIdOf(event: UcwaEvent): string | undefined {
  const id = event.resource?.properties.operationId;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * Matches operation events to tracked operations by the client-chosen `operationId`
 * (OperationResource.md), and by the operation's href once an event has tied the two.
 * Events of an operation nobody tracks yet are kept for a while, because the event
 * channel can deliver them before the POST that started the operation has its 201.
 */
export class OperationTracker {
  readonly #tracked = new Map<string, Set<Tracked>>();
  /** Untracked operations' events, oldest first (Map keeps insertion order). */
  readonly #buffered = new Map<string, Buffered>();
  /** Operation href → operationId, for events that carry no embedded resource. */
  readonly #ids = new Map<string, string>();
  readonly #limits: Required<OperationBufferOptions>;
  readonly #timers: Timers;
  readonly #now: () => number;
  /** Set once the channel stopped: operations tracked from then on fail at once with it. */
  #closed: { readonly error: unknown } | undefined;

  constructor(limits: OperationBufferOptions | undefined, timers: Timers, now: () => number) {
    this.#limits = { ...OPERATION_BUFFER_DEFAULTS, ...limits };
    this.#timers = timers;
    this.#now = now;
  }

  /** Sees every dispatched event. */
  observe(event: UcwaEvent): void {
    if (!OPERATION_EVENTS.has(event.type)) return;
    const id = operationIdOf(event) ?? this.#ids.get(event.link.href);
    if (id === undefined) return;
    if (event.type === 'completed') this.#ids.delete(event.link.href);
    else this.#remember(event.link.href, id);
    const tracked = this.#tracked.get(id);
    if (tracked === undefined) this.#keep(id, event);
    else for (const t of [...tracked]) this.#apply(id, t, event);
  }

  track(operationId: string, options: TrackOperationOptions = {}): OperationHandle {
    let settle!: Tracked['settle'];
    const result = new Promise<OperationResult>((resolve, reject) => {
      settle = (outcome) => ('value' in outcome ? resolve(outcome.value) : reject(outcome.error));
    });
    // A handle whose result nobody awaits (cancelled, say) must not be an unhandled
    // rejection; whoever awaits `result` still gets the error.
    result.catch(() => undefined);
    if (this.#closed !== undefined) {
      settle({ error: this.#closed.error });
      return { operationId, result, cancel: () => undefined };
    }
    const tracked = this.#register(operationId, options, settle);
    const kept = this.#buffered.get(operationId);
    this.#buffered.delete(operationId);
    for (const event of kept?.events ?? []) this.#apply(operationId, tracked, event);
    return {
      operationId,
      result,
      cancel: (reason) => tracked.settle({ error: reason ?? abortError() }),
    };
  }

  /** Rejects every tracked operation, and any tracked from now on (the channel stopped). */
  failAll(error: unknown): void {
    this.#closed = { error };
    for (const set of [...this.#tracked.values()]) {
      for (const t of [...set]) t.settle({ error });
    }
  }

  #register(
    operationId: string,
    options: TrackOperationOptions,
    settle: Tracked['settle'],
  ): Tracked {
    let done = false;
    let timer: unknown;
    const onAbort = (): void => tracked.settle({ error: options.signal?.reason });
    const tracked: Tracked = {
      options,
      settle: (outcome) => {
        if (done) return;
        done = true;
        if (timer !== undefined) this.#timers.clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        const set = this.#tracked.get(operationId);
        set?.delete(tracked);
        if (set?.size === 0) this.#tracked.delete(operationId);
        settle(outcome);
      },
    };
    const set = this.#tracked.get(operationId) ?? new Set<Tracked>();
    set.add(tracked);
    this.#tracked.set(operationId, set);
    if (options.signal?.aborted === true) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.timeout !== undefined && !done) {
      const ms = options.timeout;
      timer = this.#timers.setTimeout(
        () => tracked.settle({ error: new UcwaOperationTimeoutError(operationId, ms) }),
        ms,
      );
    }
    return tracked;
  }

  #apply(operationId: string, tracked: Tracked, event: UcwaEvent): void {
    if (event.type !== 'completed') {
      try {
        tracked.options.onProgress?.({ operationId, event });
      } catch {
        // A progress callback's failure is the caller's; the operation goes on.
      }
      return;
    }
    if (event.status === 'failure') {
      tracked.settle({ error: new UcwaOperationError(operationId, event) });
    } else {
      tracked.settle({ value: { operationId, event, resource: event.resource } });
    }
  }

  /** Ties an operation's href to its id; bounded like the buffer, oldest forgotten first. */
  #remember(href: string, operationId: string): void {
    this.#ids.delete(href);
    this.#ids.set(href, operationId);
    if (this.#ids.size > this.#limits.maxOperations) {
      const oldest = this.#ids.keys().next().value;
      if (oldest !== undefined) this.#ids.delete(oldest);
    }
  }

  #keep(operationId: string, event: UcwaEvent): void {
    const now = this.#now();
    for (const [id, entry] of this.#buffered) {
      if (now - entry.at <= this.#limits.ttl) break;
      this.#buffered.delete(id);
    }
    const entry = this.#buffered.get(operationId);
    if (entry !== undefined) {
      entry.events.push(event);
      return;
    }
    this.#buffered.set(operationId, { at: now, events: [event] });
    while (this.#buffered.size > this.#limits.maxOperations) {
      const oldest = this.#buffered.keys().next().value;
      if (oldest === undefined) break;
      this.#buffered.delete(oldest);
    }
  }
}

function abortError(): Error {
  return new DOMException('the operation is no longer tracked', 'AbortError');
}
