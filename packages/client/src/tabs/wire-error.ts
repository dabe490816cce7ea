import type { UcwaErrorBody } from '@ucwa/model';
import { isUcwaHttpError, isUcwaTransportError, type RequestSummary } from '@ucwa/transport';
import { UcwaDiscoveryError } from '../errors/discovery-error.ts';

/**
 * An error as data, so it crosses a `BroadcastChannel` (structured cloning keeps neither
 * the class nor the fields of an `Error` subclass): the name, the message, and the fields
 * the receiving tab needs to make the same class again.
 */
export interface WireError {
  readonly name: string;
  /** Without the `METHOD url: ` prefix transport errors add (they add it again). */
  readonly message: string;
  readonly status?: number | undefined;
  readonly code?: string | undefined;
  readonly subcode?: string | undefined;
  readonly request?: RequestSummary | undefined;
  /** An HTTP failure's answer: status text, headers as pairs, the decoded UCWA error. */
  readonly response?:
    | {
        readonly statusText: string;
        readonly headers: readonly (readonly [string, string])[];
        readonly body: UcwaErrorBody | undefined;
      }
    | undefined;
  /** The class's own fields (`timeout`, `reason`, `url`, `contentType`, ...). */
  readonly fields?: Readonly<Record<string, unknown>> | undefined;
  /** A discovery failure's attempts, each error as data. */
  readonly attempts?: readonly { readonly url: string; readonly error: WireError }[] | undefined;
}

function ownFields(error: object): Record<string, unknown> {
  const keep: Record<string, unknown> = {};
  for (const key of [
    'timeout',
    'reason',
    'offeredGrants',
    'passiveAuthUri',
    'bearer',
    'url',
    'contentType',
    'resourceRel',
    'missingRel',
    'minRevision',
    'source',
    'remoteName',
  ]) {
    const value = (error as Record<string, unknown>)[key];
    if (value !== undefined && typeof value !== 'function' && typeof value !== 'object')
      keep[key] = value;
    else if (Array.isArray(value) || (key === 'bearer' && value !== undefined))
      keep[key] = structuredClone(value);
  }
  return keep;
}

/** A transport error's message without the `METHOD url: ` its class puts before it. */
export function stripPrefix(message: string, request: RequestSummary | undefined): string {
  const prefix = request === undefined ? '' : `${request.method} ${request.url}: `;
  return prefix !== '' && message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

/** `error` as {@link WireError}: what another tab needs to rebuild it. */
export function encodeError(error: unknown): WireError {
  const e = error instanceof Error ? error : new Error(String(error));
  const { status, code, subcode } = e as { status?: unknown; code?: unknown; subcode?: unknown };
  const base = {
    name: e.name,
    message: e.message,
    status: typeof status === 'number' ? status : undefined,
    code: typeof code === 'string' ? code : undefined,
    subcode: typeof subcode === 'string' ? subcode : undefined,
    fields: ownFields(e),
  };
  if (e instanceof UcwaDiscoveryError) {
    const attempts = e.attempts.map((a) => ({ url: a.url, error: encodeError(a.error) }));
    return { ...base, attempts };
  }
  if (!isUcwaTransportError(e)) return base;
  const request = e.request;
  const message = stripPrefix(e.message, request);
  if (!isUcwaHttpError(e)) return { ...base, message, request };
  const { statusText, headers, body } = e.response;
  return { ...base, message, request, response: { statusText, headers: [...headers], body } };
}
