import type { EventBatch, EventType, Rel, Resource, UcwaEvent, UnknownResource } from '@ucwa/model';
import type { OperationHandle, TrackOperationOptions } from './operation-types.ts';

/** What `fetchEvents` is given for one pending GET. */
export interface FetchEventsOptions {
  /** Aborted when the channel stops, replaces or gives up on this request. */
  readonly signal: AbortSignal;
  /** Milliseconds the whole request may take: the server's hold plus the watchdog margin. */
  readonly timeout: number;
  /** Query parameters to add to the href (`timeout`, `low`, `medium`, `priority`), if any. */
  readonly query?: Readonly<Record<string, string>>;
}

/**
 * Sends one P-GET on `href` and returns the decoded answer. The transport's `getEvents`
 * fits: `(href, o) => transport.getEvents(href, o)`. It rejects with the error of a failed
 * request; the channel reads `name`, `status`, `subcode` and `response.headers` (Retry-After)
 * of it, so errors shaped like `@ucwa/transport`'s are classified without importing it.
 */
export type FetchEvents = (href: string, options: FetchEventsOptions) => Promise<EventBatch>;

/** The aggregation settings sent as query parameters (EventChannelDetails.md, events_ref.md). */
export interface ChannelSettings {
  /** Seconds the server holds a P-GET with no events: 180 to 1800, default 180. */
  readonly timeout: number;
  /** Seconds medium-priority events are held: 5 to 1800, default 5. */
  readonly medium: number;
  /** Seconds low-priority events are held: 5 to 1800, default 15. */
  readonly low: number;
}

/**
 * Where a channel stands, serializable: hand it to `createEventChannel({ cursor })` in this
 * process or another to continue exactly where a stopped channel left off.
 */
export interface EventCursor {
  /** The href of the next P-GET: every batch before it was acknowledged and dispatched. */
  readonly href: string;
  /** The settings in force. */
  readonly settings: ChannelSettings;
  /** Whether the next P-GET must carry the settings (first request, after `resume` or a change). */
  readonly sendSettings: boolean;
}

/** Why a channel stopped. */
export type StopReason =
  /** `stop()` was called. */
  | { readonly kind: 'stopped' }
  /** The `signal` given to the channel aborted. */
  | { readonly kind: 'aborted'; readonly cause: unknown }
  /** 409 PGetReplaced that this channel did not cause: another instance took the channel. */
  | { readonly kind: 'replaced'; readonly error: unknown }
  /** 404 ApplicationNotFound or 410: recreate the application. */
  | { readonly kind: 'applicationLost'; readonly error: unknown }
  /** Authentication failed in a way the transport could not repair. */
  | { readonly kind: 'authFailed'; readonly error: unknown }
  /** Any other answer that retrying cannot fix (a 4xx, say). */
  | { readonly kind: 'failed'; readonly error: unknown };

/** The channel's state, observable through `onSignal('state', ...)`. */
export type ChannelState =
  | { readonly status: 'connecting' }
  | { readonly status: 'open' }
  | {
      readonly status: 'backingOff';
      /** Failed attempts in a row. */
      readonly attempt: number;
      /** Milliseconds until the next attempt. */
      readonly delay: number;
      readonly error: unknown;
    }
  | { readonly status: 'stopped'; readonly reason: StopReason };

/** The sender block an event came in. */
export interface SenderRef {
  readonly rel: string;
  readonly href: string;
}

/** An event whose embedded resource is typed for the rel the subscription named. */
export type TypedEvent<R extends string> = Omit<UcwaEvent, 'resource'> & {
  readonly resource?: R extends Rel ? Resource<R> : UnknownResource;
};

/** Which events a subscription receives; unset fields match anything. */
export interface EventFilter<R extends string = string> {
  /** The rel of the event's `link` (`audioVideo`, `message`, ...). */
  readonly rel?: R;
  /** The rel of the sender block (`communication`, `conversation`, `people`, `me`). */
  readonly sender?: string;
  readonly type?: EventType;
}

/** A subscriber; a returned promise is awaited before the next event is dispatched. */
export type EventHandler<R extends string = string> = (
  event: TypedEvent<R>,
  sender: SenderRef,
) => void | Promise<void>;

/** One event as `channel.events()` yields it. */
export interface ChannelEvent {
  readonly event: UcwaEvent;
  readonly sender: SenderRef;
}

/** A handler that threw or rejected, with the event it was given. */
export interface HandlerFailure {
  readonly error: unknown;
  readonly event: UcwaEvent;
  readonly sender: SenderRef;
}

/** The channel's signals and what each hands its listeners. */
export interface ChannelSignals {
  /** Every state change. */
  readonly state: ChannelState;
  /** A lone `resync` was followed: clear caches of transient data. */
  readonly resync: { readonly href: string };
  /** A `resume` was followed: the server reset conversations and subscriptions. */
  readonly resumed: { readonly href: string };
  /** Another instance took the channel (409 PGetReplaced not caused by this one). */
  readonly replaced: { readonly error: unknown };
  /** 404 ApplicationNotFound or 410: the application is gone. */
  readonly applicationLost: { readonly error: unknown };
  /** A handler failed; the channel and the other handlers went on. */
  readonly error: HandlerFailure;
}

export type ChannelSignal = keyof ChannelSignals;

/**
 * One application's event channel (EventsInUCWA.md, EventChannelDetails.md): P-GETs on the
 * hrefs the server returns, every event dispatched once and in order.
 */
export interface EventChannel {
  /** Sends the first P-GET. Register handlers first: nothing is replayed to late handlers. */
  start(): void;
  /** Ends the channel: aborts the P-GET in flight, finishes the batch being dispatched. */
  stop(): Promise<void>;
  readonly state: ChannelState;
  /** Resolves with the reason once the channel has stopped and nothing is in flight. */
  readonly stopped: Promise<StopReason>;
  /** Where to continue from; readable at any time. */
  readonly cursor: EventCursor;
  readonly settings: ChannelSettings;
  /** Changes the aggregation settings: a P-GET in flight is replaced by one of higher `priority`. */
  configure(settings: Partial<ChannelSettings>): void;
  /** Subscribes to events; returns the unsubscribe function. */
  on<R extends string>(filter: EventFilter<R>, handler: EventHandler<R>): () => void;
  /** Subscribes to a signal; returns the unsubscribe function. */
  onSignal<S extends ChannelSignal>(
    signal: S,
    listener: (value: ChannelSignals[S]) => void,
  ): () => void;
  /** The events as an async iterable; while the consumer is slow, the next P-GET waits. */
  events(options?: { readonly signal?: AbortSignal }): AsyncIterable<ChannelEvent>;
  /** Follows the operation `operationId` (OperationResource.md), also if its events came first. */
  trackOperation(operationId: string, options?: TrackOperationOptions): OperationHandle;
}
