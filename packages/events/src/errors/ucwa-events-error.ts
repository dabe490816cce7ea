/** The literal names of the `@ucwa/events` error family. */
export const EVENTS_ERROR_NAMES = [
  'UcwaOperationError',
  'UcwaOperationTimeoutError',
  'UcwaChannelStoppedError',
  'UcwaChannelProtocolError',
] as const;

export type UcwaEventsErrorName = (typeof EVENTS_ERROR_NAMES)[number];

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
