import type { TransportContext } from './context.ts';

export interface HeaderSpec {
  readonly extra: HeadersInit | undefined;
  readonly token: string | undefined;
  readonly contentType: string | undefined;
  readonly accept: string;
  readonly minResourceVersion: number | undefined;
  readonly conditional?: Readonly<Record<string, string>>;
}

/**
 * The request headers, lower-cased: the caller's first, then the ones the transport owns.
 * A plain record, not `Headers`: ky and `Request` build their own from it anyway.
 */
export function buildHeaders(ctx: TransportContext, spec: HeaderSpec): Record<string, string> {
  const headers: Record<string, string> = Object.create(null);
  if (spec.extra !== undefined) {
    for (const [name, value] of new Headers(spec.extra)) headers[name] = value;
    // The token goes only in the Authorization the session sets; a caller's is dropped.
    delete headers.authorization;
    delete headers['content-type'];
  }
  headers.accept = spec.accept;
  if (spec.contentType !== undefined) headers['content-type'] = spec.contentType;
  if (spec.token !== undefined) headers.authorization = `Bearer ${spec.token}`;
  const min = spec.minResourceVersion ?? ctx.minResourceVersion;
  if (min !== undefined) headers['x-ms-requiresminresourceversion'] = min.toFixed(1);
  if (ctx.userAgent !== undefined) headers['user-agent'] = ctx.userAgent;
  if (spec.conditional !== undefined) Object.assign(headers, spec.conditional);
  return headers;
}
