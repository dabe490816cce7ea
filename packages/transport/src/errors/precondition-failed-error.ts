import type { UcwaResponse } from '../http/ucwa-response.ts';
import { UcwaHttpError, type UcwaHttpErrorOptions } from './http-error.ts';
import { markKind } from './ucwa-transport-error.ts';

export interface UcwaPreconditionFailedErrorOptions extends UcwaHttpErrorOptions {
  /** Refetches the resource, re-applies the changes and sends the PUT once more. */
  readonly retry: (options?: { signal?: AbortSignal }) => Promise<UcwaResponse>;
}

/**
 * A conditional PUT answered 412 PreconditionFailed: someone changed the resource since it
 * was fetched. {@link retry} refetches it, applies the same changes to the fresh state and
 * sends the PUT once more with the new ETag.
 *
 * @example
 * ```ts
 * try {
 *   await transport.put(note, { message: 'Out today' });
 * } catch (error) {
 *   if (isUcwaPreconditionFailedError(error)) await error.retry();
 *   else throw error;
 * }
 * ```
 */
export class UcwaPreconditionFailedError extends UcwaHttpError {
  override readonly name = 'UcwaPreconditionFailedError' as const;
  readonly retry: UcwaPreconditionFailedErrorOptions['retry'];

  static {
    markKind(UcwaPreconditionFailedError, 'UcwaPreconditionFailedError');
  }

  constructor(message: string, options: UcwaPreconditionFailedErrorOptions) {
    super(message, options);
    this.retry = options.retry;
  }
}
