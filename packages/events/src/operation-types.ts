import type { UcwaEvent, UnknownResource } from '@ucwa/model';

/** A progress event of a tracked operation (`started` or `updated`). */
export interface OperationProgress {
  readonly operationId: string;
  readonly event: UcwaEvent;
}

/** What a successful operation resolves with. */
export interface OperationResult {
  readonly operationId: string;
  /** The `completed` event. */
  readonly event: UcwaEvent;
  /** The operation resource as the completed event embedded it, if it did. */
  readonly resource: UnknownResource | undefined;
}

/** Options of `trackOperation`. */
export interface TrackOperationOptions {
  /** Milliseconds to wait for `completed`; rejects with `UcwaOperationTimeoutError`. Default none. */
  readonly timeout?: number;
  readonly signal?: AbortSignal;
  /** Called for each `started`/`updated` event, in order. */
  readonly onProgress?: (progress: OperationProgress) => void;
}

/** An operation being followed on the event channel. */
export interface OperationHandle {
  readonly operationId: string;
  /** Resolves on `completed` with status Success; rejects with `UcwaOperationError` on Failure. */
  readonly result: Promise<OperationResult>;
  /** Stops following; `result` rejects with the reason given (an `AbortError` by default). */
  cancel(reason?: unknown): void;
}
