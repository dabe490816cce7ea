import type { UcwaErrorBody, UcwaEvent } from '@ucwa/model';
import { UcwaEventsError } from './ucwa-events-error.ts';

/**
 * An operation completed with status Failure (OperationResource.md). `reason` is the
 * event's error block (`code`, `subcode`, `message`) when the server sent one.
 */
export class UcwaOperationError extends UcwaEventsError {
  override readonly name = 'UcwaOperationError' as const;
  readonly operationId: string;
  readonly reason: UcwaErrorBody | undefined;
  /** The `completed` event. */
  readonly event: UcwaEvent;

  constructor(operationId: string, event: UcwaEvent) {
    const reason = event.reason;
    const what = [reason?.code, reason?.subcode].filter((p) => p !== undefined).join('/');
    const text = reason?.message === undefined ? '' : `: ${reason.message}`;
    super(
      `operation ${operationId} (${event.link.rel}) failed${what === '' ? '' : ` with ${what}`}${text}`,
    );
    this.operationId = operationId;
    this.reason = reason;
    this.event = event;
  }
}
