import type { EventBatch, UcwaEvent } from '@ucwa/model';
import type { FetchEvents, FetchEventsOptions } from '../../src/index.ts';

/** One P-GET the channel sent to the fake server. */
export interface Call {
  readonly href: string;
  readonly options: FetchEventsOptions;
  /** Answers it with a batch. */
  answer(batch: EventBatch): void;
  /** Fails it with `error`. */
  fail(error: unknown): void;
  /** Whether it was answered, failed or aborted. */
  readonly settled: boolean;
  readonly aborted: boolean;
}

/**
 * A `fetchEvents` whose calls wait until the test answers them. Aborting a call's signal
 * rejects it, as fetch does.
 */
export interface FakeServer {
  readonly fetchEvents: FetchEvents;
  readonly calls: readonly Call[];
  /** Calls not yet settled. */
  open(): Call[];
  /** The newest call; throws when there is none. */
  last(): Call;
}

export function createFakeServer(): FakeServer {
  const calls: Call[] = [];
  const fetchEvents: FetchEvents = (href, options) =>
    new Promise<EventBatch>((resolve, reject) => {
      let settled = false;
      const settle = (): boolean => {
        if (settled) return false;
        settled = true;
        return true;
      };
      const call: Call = {
        href,
        options,
        answer: (batch) => settle() && resolve(batch),
        fail: (error) => settle() && reject(error),
        get settled() {
          return settled;
        },
        get aborted() {
          return options.signal.aborted;
        },
      };
      options.signal.addEventListener('abort', () => settle() && reject(options.signal.reason), {
        once: true,
      });
      calls.push(call);
    });
  return {
    fetchEvents,
    calls,
    open: () => calls.filter((c) => !c.settled),
    last() {
      const call = calls.at(-1);
      if (call === undefined) throw new Error('no P-GET was sent');
      return call;
    },
  };
}

/** An href of the fake application's channel. */
export const eventsHref = (ack: number): string =>
  `/ucwa/oauth/v1/applications/1/events?ack=${ack}`;

/** A `message` event (the shape ReceiveAnIM.md shows, trimmed). */
export function messageEvent(n: number): UcwaEvent {
  return {
    type: 'added',
    link: {
      rel: 'message',
      href: `/ucwa/oauth/v1/applications/1/communication/conversations/c/messaging/messages/${n}`,
    },
  };
}

/** A batch answering `ack`, pointing at `ack + 1`, with `events` from one sender. */
export function batch(
  ack: number,
  events: readonly UcwaEvent[] = [],
  link: 'next' | 'resume' | 'resync' = 'next',
  senderRel = 'conversation',
): EventBatch {
  return {
    href: eventsHref(ack),
    [link]: eventsHref(link === 'resync' ? ack : ack + 1),
    senders:
      events.length === 0
        ? []
        : [
            {
              rel: senderRel,
              href: '/ucwa/oauth/v1/applications/1/communication/conversations/c',
              events,
            },
          ],
  };
}

/** An error shaped like `@ucwa/transport`'s `UcwaHttpError`. */
export function httpError(status: number, subcode?: string, retryAfter?: string): Error {
  const error = new Error(`failed with ${status}`) as Error & Record<string, unknown>;
  error.name = 'UcwaHttpError';
  error.status = status;
  if (subcode !== undefined) error.subcode = subcode;
  error.response = {
    headers: new Headers(retryAfter === undefined ? {} : { 'retry-after': retryAfter }),
  };
  return error;
}

/** An error shaped like `@ucwa/transport`'s `UcwaNetworkError`. */
export function networkError(): Error {
  const error = new Error('connection reset');
  error.name = 'UcwaNetworkError';
  return error;
}

/** Lets every queued promise callback run (one macrotask turn: the microtask queue drains). */
export function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
