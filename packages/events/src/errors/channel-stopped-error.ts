import type { StopReason } from '../types.ts';
import { UcwaEventsError } from './ucwa-events-error.ts';

/** The event channel stopped while an operation was still being tracked. */
export class UcwaChannelStoppedError extends UcwaEventsError {
  override readonly name = 'UcwaChannelStoppedError' as const;
  readonly reason: StopReason;

  constructor(reason: StopReason) {
    const cause = 'error' in reason ? reason.error : 'cause' in reason ? reason.cause : undefined;
    super(`the event channel stopped (${reason.kind})`, { cause });
    this.reason = reason;
  }
}
