/** The literal names of the `@ucwa/events` error family. */
export type UcwaEventsErrorName =
  | 'UcwaOperationError'
  | 'UcwaOperationTimeoutError'
  | 'UcwaChannelStoppedError'
  | 'UcwaChannelProtocolError';

/** Every {@link UcwaEventsErrorName}, for the guards. */
export const EVENTS_ERROR_NAMES: readonly UcwaEventsErrorName[] = [
  'UcwaOperationError',
  'UcwaOperationTimeoutError',
  'UcwaChannelStoppedError',
  'UcwaChannelProtocolError',
];

/**
 * Base of every error `@ucwa/events` throws. Match with the `isUcwa*` guards, which compare
 * `name`, so they work across duplicated copies of the package.
 */
export abstract class UcwaEventsError extends Error {
  abstract override readonly name: UcwaEventsErrorName;

  constructor(message: string, options: { readonly cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
  }
}
