import {
  type RequestSummary,
  UcwaAuthError,
  type UcwaAuthReason,
  UcwaHttpError,
  UcwaLinkError,
  UcwaNetworkError,
  UcwaOriginError,
  UcwaResponseError,
  UcwaTimeoutError,
} from '@ucwa/transport';
import { UcwaDiscoveryError } from '../errors/discovery-error.ts';
import { UcwaRedirectRefusedError } from '../errors/redirect-refused-error.ts';
import { UcwaTabCommandError } from '../errors/tab-command-error.ts';
import type { WireError } from './wire-error.ts';

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

function httpError(wire: WireError, request: RequestSummary): UcwaHttpError {
  const response = wire.response;
  return new UcwaHttpError(wire.message, {
    request,
    response: {
      status: wire.status ?? 0,
      statusText: response?.statusText ?? '',
      headers: new Headers(response?.headers.map(([k, v]) => [k, v] as [string, string])),
      body: response?.body,
    },
  });
}

function authError(wire: WireError, f: Readonly<Record<string, unknown>>): UcwaAuthError {
  const grants = f.offeredGrants;
  return new UcwaAuthError(wire.message, {
    request: wire.request,
    reason: (text(f.reason) ?? 'unauthorized') as UcwaAuthReason,
    offeredGrants: Array.isArray(grants) ? grants.map(String) : undefined,
    passiveAuthUri: text(f.passiveAuthUri),
    bearer: (f.bearer ?? undefined) as Readonly<Record<string, string>> | undefined,
  });
}

/** The transport's classes, made again with the request and their own fields. */
function transportError(wire: WireError): Error | undefined {
  const f = wire.fields ?? {};
  const request = wire.request;
  switch (wire.name) {
    case 'UcwaHttpError':
    case 'UcwaPreconditionFailedError':
      return request === undefined ? undefined : httpError(wire, request);
    case 'UcwaNetworkError':
      return new UcwaNetworkError(wire.message, { request });
    case 'UcwaTimeoutError':
      return new UcwaTimeoutError(wire.message, { request, timeout: num(f.timeout) ?? 0 });
    case 'UcwaAuthError':
      return authError(wire, f);
    case 'UcwaOriginError':
      return new UcwaOriginError(wire.message, { request, url: text(f.url) ?? '' });
    case 'UcwaResponseError':
      return new UcwaResponseError(wire.message, {
        request,
        status: wire.status ?? 0,
        contentType: text(f.contentType),
      });
    case 'UcwaLinkError':
      return new UcwaLinkError(wire.message, {
        request,
        resourceRel: text(f.resourceRel) ?? '',
        missingRel: text(f.missingRel) ?? '',
        minRevision: num(f.minRevision),
      });
    default:
      return undefined;
  }
}

function clientError(wire: WireError): Error | undefined {
  const f = wire.fields ?? {};
  switch (wire.name) {
    case 'UcwaDiscoveryError':
      return new UcwaDiscoveryError(
        wire.message,
        (wire.attempts ?? []).map((a) => ({ url: a.url, error: rebuildError(a.error) })),
      );
    case 'UcwaRedirectRefusedError': {
      const source = f.source === 'user' ? 'user' : 'discovery';
      return new UcwaRedirectRefusedError(text(f.url) ?? '', source);
    }
    case 'AbortError':
    case 'TimeoutError':
      return new DOMException(wire.message, wire.name);
    default:
      return undefined;
  }
}

/**
 * The error another tab encoded, as the same class a caller in that tab saw (HTTP errors
 * with their status, UCWA code, subcode and answer, so `documentedError` and the `isUcwa*`
 * guards work in every tab). What has no class here becomes a `UcwaTabCommandError` whose
 * `remoteName` is the original name.
 */
export function rebuildError(wire: WireError): Error {
  const known = transportError(wire) ?? clientError(wire);
  if (known !== undefined) return known;
  const remoteName = text(wire.fields?.remoteName) ?? wire.name;
  return new UcwaTabCommandError(wire.message, {
    name: remoteName,
    status: wire.status,
    code: wire.code,
    subcode: wire.subcode,
  });
}
