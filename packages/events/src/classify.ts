import { parseRetryAfter } from '@ucwa/model';

/** What the channel does about a failed P-GET. */
export type FailureKind =
  /** Network error, timeout, 408, 429 or 5xx: the ack has not moved, ask the same href again. */
  | 'retry'
  /** 409 PGetReplaced: a newer P-GET took this one's place. */
  | 'pgetReplaced'
  /** 404 (ApplicationNotFound) or 410: the application is gone. */
  | 'applicationLost'
  /** 401 or 403 that the transport could not repair, or an auth error it threw. */
  | 'auth'
  /** Any other HTTP failure: asking again would get the same answer. */
  | 'fatal';

export interface Failure {
  readonly kind: FailureKind;
  /** The server's `Retry-After`, in milliseconds, when it sent one. */
  readonly retryAfter: number | undefined;
}

/** Why the channel stops, for each failure it does not retry. */
export const STOP_KINDS = {
  pgetReplaced: 'replaced',
  applicationLost: 'applicationLost',
  auth: 'authFailed',
  fatal: 'failed',
} as const satisfies Record<Exclude<FailureKind, 'retry'>, string>;

interface ErrorShape {
  readonly name?: unknown;
  readonly status?: unknown;
  readonly subcode?: unknown;
  readonly response?: { readonly headers?: { get?(name: string): string | null } };
}

function kindOf(name: unknown, status: unknown, subcode: unknown): FailureKind {
  if (name === 'UcwaAuthError') return 'auth';
  if (typeof status !== 'number') return 'retry';
  if (status === 409 && (subcode === undefined || subcode === 'PGetReplaced')) {
    return 'pgetReplaced';
  }
  if (status === 404 || status === 410) return 'applicationLost';
  if (status === 401 || status === 403) return 'auth';
  if (status === 408 || status === 429 || status >= 500) return 'retry';
  return 'fatal';
}

/**
 * Classifies what `fetchEvents` threw by the shape `@ucwa/transport`'s errors have (`name`,
 * `status`, `subcode`, `response.headers`), so the channel needs no HTTP library. An error
 * with no HTTP status (a dropped connection, a timeout, a body that would not decode) is
 * retried.
 */
export function classifyFailure(error: unknown, now: number): Failure {
  const shape: ErrorShape = typeof error === 'object' && error !== null ? error : {};
  const kind = kindOf(shape.name, shape.status, shape.subcode);
  const header = shape.response?.headers?.get?.('retry-after');
  return { kind, retryAfter: kind === 'retry' ? parseRetryAfter(header, now) : undefined };
}
