import { UcwaEventsError } from './ucwa-events-error.ts';

/** No `completed` event arrived for a tracked operation within its `timeout`. */
export class UcwaOperationTimeoutError extends UcwaEventsError {
  override readonly name = 'UcwaOperationTimeoutError' as const;
  readonly operationId: string;
  /** The timeout that ran out, in milliseconds. */
  readonly timeout: number;

  constructor(operationId: string, timeout: number) {
    super(`operation ${operationId} did not complete within ${timeout} ms`);
    this.operationId = operationId;
    this.timeout = timeout;
  }
}
