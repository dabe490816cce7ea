import type { UcwaChannelProtocolError } from './channel-protocol-error.ts';
import type { UcwaChannelStoppedError } from './channel-stopped-error.ts';
import type { UcwaOperationError } from './operation-error.ts';
import type { UcwaOperationTimeoutError } from './operation-timeout-error.ts';
import { EVENTS_ERROR_NAMES, type UcwaEventsError } from './ucwa-events-error.ts';

const NAMES: ReadonlySet<string> = new Set(EVENTS_ERROR_NAMES);

function named(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

/** Any error of the `@ucwa/events` family. */
export function isUcwaEventsError(error: unknown): error is UcwaEventsError {
  const name = named(error);
  return name !== undefined && NAMES.has(name);
}

export function isUcwaOperationError(error: unknown): error is UcwaOperationError {
  return named(error) === 'UcwaOperationError';
}

export function isUcwaOperationTimeoutError(error: unknown): error is UcwaOperationTimeoutError {
  return named(error) === 'UcwaOperationTimeoutError';
}

export function isUcwaChannelStoppedError(error: unknown): error is UcwaChannelStoppedError {
  return named(error) === 'UcwaChannelStoppedError';
}

export function isUcwaChannelProtocolError(error: unknown): error is UcwaChannelProtocolError {
  return named(error) === 'UcwaChannelProtocolError';
}
