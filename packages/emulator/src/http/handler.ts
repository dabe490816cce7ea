import type { EmulatorCore } from '../core/core.ts';
import { ADMIN_PREFIX, adminRoute } from '../faults/admin.ts';
import { acceptsNothing } from '../wire/negotiate.ts';
import { corsHeaders, preflightHeaders } from './cors.ts';
import { execute } from './dispatch.ts';
import { ucwaError } from './errors.ts';
import { internalError } from './plain-error.ts';
import { respond } from './respond.ts';
import type { EmulatorRequest, HeaderList, Reply, WireResponse } from './types.ts';

const encodeFor = (
  core: EmulatorCore,
  request: EmulatorRequest,
  extra: HeaderList,
  noGzip: boolean,
) => ({
  accept: request.headers.get('Accept'),
  acceptEncoding: request.headers.get('Accept-Encoding'),
  codecs: core.codecs,
  ucwaVersion: core.options.ucwaVersion,
  extra,
  noGzip,
});

const notAcceptable = (): Reply =>
  ucwaError(406, 'NotAcceptable', { message: 'Every type in Accept has q=0.' });

function preflight(core: EmulatorCore, request: EmulatorRequest, cors: HeaderList): WireResponse {
  const origin = request.headers.get('Origin');
  const extra = preflightHeaders(
    origin,
    core.options.cors,
    request.headers.get('Access-Control-Request-Headers'),
  );
  const reply =
    extra === undefined
      ? ucwaError(403, undefined, { message: 'Origin not allowed.' })
      : { kind: 'raw' as const, status: 204 };
  return respond(reply, encodeFor(core, request, [...cors, ...(extra ?? [])], true));
}

async function pipeline(core: EmulatorCore, request: EmulatorRequest): Promise<WireResponse> {
  const cors = corsHeaders(request.headers.get('Origin'), core.options.cors);
  if (request.method === 'OPTIONS' && request.headers.has('Access-Control-Request-Method'))
    return preflight(core, request, cors);
  if (core.options.admin && request.url.pathname.startsWith(ADMIN_PREFIX))
    return respond(adminRoute(core.faults, request), encodeFor(core, request, [], true));
  if (acceptsNothing(request.headers.get('Accept')))
    return respond(notAcceptable(), encodeFor(core, request, cors, true));
  const outcome = await execute(core, request);
  return respond(outcome.reply, { ...encodeFor(core, request, cors, false), drop: outcome.drop });
}

/**
 * The whole pipeline of one emulator, from request to encoded response: CORS, the admin
 * endpoint, content negotiation, faults and routes. An unexpected failure answers 500
 * without its internal text.
 */
export async function handleRequest(
  core: EmulatorCore,
  request: EmulatorRequest,
): Promise<WireResponse> {
  try {
    return await pipeline(core, request);
  } catch {
    return internalError();
  }
}

/** One part of a batch: no CORS, no gzip, no admin endpoint. */
export async function handleInner(
  core: EmulatorCore,
  request: EmulatorRequest,
): Promise<WireResponse> {
  try {
    if (acceptsNothing(request.headers.get('Accept')))
      return respond(notAcceptable(), encodeFor(core, request, [], true));
    const outcome = await execute(core, request);
    return respond(outcome.reply, encodeFor(core, request, [], true));
  } catch {
    return internalError();
  }
}
