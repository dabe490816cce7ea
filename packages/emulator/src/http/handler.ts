import type { EmulatorCore } from '../core/core.ts';
import type { PGetFlags } from '../events/channel.ts';
import { ADMIN_PREFIX, adminRoute } from '../faults/admin.ts';
import { corsHeaders, preflightHeaders } from './cors.ts';
import { execute } from './dispatch.ts';
import { ucwaError } from './errors.ts';
import { respond } from './respond.ts';
import type { EmulatorRequest, WireResponse } from './types.ts';

/** The whole pipeline of one emulator, from request to encoded response. */
export interface Handler {
  handle(request: EmulatorRequest): Promise<WireResponse>;
  /** One part of a batch: no CORS, no gzip. */
  inner(request: EmulatorRequest): Promise<WireResponse>;
  flags: WeakMap<EmulatorRequest, PGetFlags>;
}

/** Builds the handler; `core` is resolved lazily because the batch route needs the handler. */
export function createHandler(core: () => EmulatorCore): Handler {
  const flags = new WeakMap<EmulatorRequest, PGetFlags>();
  const encodeFor = (
    request: EmulatorRequest,
    extra: readonly (readonly [string, string])[],
    noGzip: boolean,
  ) => ({
    accept: request.headers.get('Accept'),
    acceptEncoding: request.headers.get('Accept-Encoding'),
    codecs: core().codecs,
    ucwaVersion: core().options.ucwaVersion,
    extra,
    noGzip,
  });
  return {
    flags,
    async handle(request) {
      const c = core();
      const origin = request.headers.get('Origin');
      const cors = corsHeaders(origin, c.options.cors);
      if (request.method === 'OPTIONS' && request.headers.has('Access-Control-Request-Method')) {
        const extra = preflightHeaders(
          origin,
          c.options.cors,
          request.headers.get('Access-Control-Request-Headers'),
        );
        const reply =
          extra === undefined
            ? ucwaError(403, undefined, { message: 'Origin not allowed.' })
            : { kind: 'raw' as const, status: 204 };
        return respond(reply, encodeFor(request, [...cors, ...(extra ?? [])], true));
      }
      if (c.options.admin && request.url.pathname.startsWith(ADMIN_PREFIX)) {
        const reply = adminRoute(
          c.faults,
          request.method,
          request.url.pathname,
          Buffer.from(request.body).toString('utf8'),
        );
        return respond(reply, encodeFor(request, cors, true));
      }
      const outcome = await execute(c, request, flags);
      return respond(outcome.reply, { ...encodeFor(request, cors, false), drop: outcome.drop });
    },
    async inner(request) {
      const outcome = await execute(core(), request, flags);
      return respond(outcome.reply, encodeFor(request, [], true));
    },
  };
}
