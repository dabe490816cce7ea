import type { TransportContext } from './context.ts';

const UNSAFE = /[\r\n\0]/;

/**
 * The caller's extra headers as a lower-cased record, read once per call. A name or value
 * holding CR, LF or NUL is a `TypeError` (header injection), thrown before anything is
 * sent; the value is not repeated (it may be a secret). `Authorization` and
 * `Content-Type` are dropped: they are the transport's.
 */
export function callerHeaders(init: HeadersInit): Record<string, string> {
  const entries: Iterable<readonly string[]> =
    init instanceof Headers ? init : Array.isArray(init) ? init : Object.entries(init);
  for (const [name = '', value = ''] of entries) {
    if (UNSAFE.test(name) || UNSAFE.test(value)) {
      throw new TypeError(`header ${JSON.stringify(name)} contains CR, LF or NUL`);
    }
  }
  const headers: Record<string, string> = Object.create(null);
  for (const [name, value] of new Headers(init)) {
    // Headers are copied into plain objects below; this one name would not survive that.
    if (name === '__proto__') throw new TypeError('header "__proto__" is not supported');
    headers[name] = value;
  }
  // The token goes only in the Authorization the session sets; a caller's is dropped.
  delete headers.authorization;
  delete headers['content-type'];
  return headers;
}

export interface HeaderSpec {
  readonly extra: Readonly<Record<string, string>> | undefined;
  readonly token: string | undefined;
  readonly contentType: string | undefined;
  readonly accept: string;
  readonly minResourceVersion: number | undefined;
  readonly conditional: Readonly<Record<string, string>> | undefined;
}

/**
 * The request headers, lower-cased: the caller's first, then the ones the transport owns.
 * A plain record, not `Headers`: ky and `Request` build their own from it anyway. An
 * ordinary object, not `Object.create(null)`: ky spreads and iterates it on every call,
 * which V8 does far faster for objects in fast mode (`callerHeaders` refuses `__proto__`).
 */
export function buildHeaders(ctx: TransportContext, spec: HeaderSpec): Record<string, string> {
  const headers: Record<string, string> = {};
  if (spec.extra !== undefined) Object.assign(headers, spec.extra);
  headers.accept = spec.accept;
  if (spec.contentType !== undefined) headers['content-type'] = spec.contentType;
  if (spec.token !== undefined) headers.authorization = `Bearer ${spec.token}`;
  const min = spec.minResourceVersion ?? ctx.minResourceVersion;
  if (min !== undefined) headers['x-ms-requiresminresourceversion'] = min.toFixed(1);
  if (ctx.userAgent !== undefined) headers['user-agent'] = ctx.userAgent;
  if (spec.conditional !== undefined) Object.assign(headers, spec.conditional);
  return headers;
}
