import type { Application } from '../apps/application.ts';
import { anonymousRefusal } from '../auth/anonymous-scope.ts';
import { challenge } from '../auth/challenge.ts';
import type { EmulatorCore } from '../core/core.ts';
import { checkConditionalPut } from '../features/conditional-put.ts';
import type { AppRoute, RouteContext } from '../features/feature.ts';
import { invalidParameters } from '../features/validate.ts';
import { decodeBody } from './body.ts';
import {
  applicationNotFound,
  parameterValidationFailure,
  resourceNotFound,
  ucwaError,
} from './errors.ts';
import type { EmulatorRequest, Reply } from './types.ts';

/** Operations clients in the field start without an `operationId`; real servers took them. */
const LENIENT = ['operationId'];

async function run(route: AppRoute, ctx: RouteContext): Promise<Reply> {
  if (route.rel !== undefined) {
    const lenient = ctx.host.requireOperationId ? [] : LENIENT;
    const bad = invalidParameters(route.rel, route.method, ctx.query, ctx.input, lenient);
    if (bad.length > 0) return parameterValidationFailure(bad);
  }
  if (route.method === 'PUT' && route.guard !== undefined) {
    const guard = route.guard(ctx);
    const refused =
      guard && checkConditionalPut(guard, ctx.request.headers.get('If-Match'), ctx.input);
    if (refused) return refused;
  }
  return route.handle(ctx);
}

/** Counts a request against its user's outstanding limit while it runs, whatever ends it. */
async function counted<T>(core: EmulatorCore, address: string, work: () => Promise<T>): Promise<T> {
  const key = address.toLowerCase();
  core.outstanding.set(key, (core.outstanding.get(key) ?? 0) + 1);
  try {
    return await work();
  } finally {
    const left = (core.outstanding.get(key) ?? 1) - 1;
    if (left <= 0) core.outstanding.delete(key);
    else core.outstanding.set(key, left);
  }
}

/** BatchingRequests.md: no event channel, batch or photo request inside a batch. */
const NOT_IN_BATCH = /^(events|batch|photos(\/.*)?)$/i;

function refusal(route: AppRoute, request: EmulatorRequest, app: Application): Reply | undefined {
  if (request.batchPart === true && NOT_IN_BATCH.test(route.path)) {
    return ucwaError(400, 'BadRequest', {
      code: 'BadRequest',
      message: `${route.path} cannot be requested in a batch.`,
    });
  }
  return app.anonymous ? anonymousRefusal(route.path) : undefined;
}

/**
 * A request under `/ucwa/oauth/v1/applications/{id}/…`: bearer token, application of
 * that user, route, what the request may reach, body, catalog validation, conditional
 * PUT, then the handler.
 */
export async function dispatchApp(
  core: EmulatorCore,
  request: EmulatorRequest,
  appId: string,
  subPath: string,
  delay: () => Promise<void> = () => Promise.resolve(),
): Promise<Reply> {
  const token = core.tokens.verify(request.headers.get('Authorization'), request.url.host);
  if (token === undefined) return challenge(request.url.origin);
  const app: Application | undefined = core.registry.get(appId);
  if (app === undefined || app.user.address.toLowerCase() !== token.user.address.toLowerCase()) {
    return applicationNotFound();
  }
  const match = core.routes.match(request.method, subPath);
  if (match.kind === 'not-found') return resourceNotFound();
  if (match.kind === 'method-not-allowed') {
    return ucwaError(405, 'MethodNotAllowed', { headers: [['Allow', match.allow.join(', ')]] });
  }
  const refused = refusal(match.route, request, app);
  if (refused !== undefined) return refused;
  core.registry.touch(app);
  const body = decodeBody(request, core.codecs, core.options.maxBodyBytes);
  if ('kind' in body) return body;
  const ctx: RouteContext = {
    request,
    params: match.params,
    query: request.url.searchParams,
    app,
    user: app.user,
    input: body.input,
    text: body.text,
    contentType: body.contentType,
    host: core.host,
  };
  if (match.route.path === 'events') return delay().then(() => run(match.route, ctx));
  return counted(core, app.user.address, () => delay().then(() => run(match.route, ctx)));
}
