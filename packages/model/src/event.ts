import type { UcwaErrorBody } from './error-body.ts';
import type { EventType } from './generated/vocabulary.ts';
import type { Link } from './link.ts';
import type { UnknownResource } from './resource.ts';

/** One event inside a sender block (EventsInUCWA.md). */
export interface UcwaEvent {
  readonly type: EventType;
  /** The resource the event is about. */
  readonly link: Link;
  /** The resource `link` belongs to, when the server names it (for example a conversation). */
  readonly in?: Link;
  /** The resource itself, when the server embedded it in the event. */
  readonly resource?: UnknownResource;
  /** Outcome of a completed operation. */
  readonly status?: 'success' | 'failure';
  /** Why an operation failed or a resource was removed. */
  readonly reason?: UcwaErrorBody;
}

/** The events one sender (such as `communication` or `people`) reports in a batch. */
export interface EventSender {
  readonly rel: string;
  readonly href: string;
  readonly events: readonly UcwaEvent[];
}

/**
 * One answer of the event channel (EventChannelDetails.md). Exactly one of `next`,
 * `resume` and `resync` tells the client where to wait next: `next` in the ordinary
 * case, `resume` after the server dropped transient state, and a lone `resync` when the
 * client asked with a stale link.
 */
export interface EventBatch {
  readonly href: string;
  readonly next?: string;
  readonly resume?: string;
  readonly resync?: string;
  readonly senders: readonly EventSender[];
}
