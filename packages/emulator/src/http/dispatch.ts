import { APPLICATIONS_PATH } from '../apps/application.ts';
import { createApplication, listApplications } from '../apps/applications-routes.ts';
import { challenge, TOKEN_PATH } from '../auth/challenge.ts';
import { tokenEndpoint } from '../auth/token-endpoint.ts';
import type { EmulatorCore } from '../core/core.ts';
import {
  discoveryRoot,
  INTERNAL_ROOT_PATH,
  ROOT_PATH,
  USER_PATH,
  userResource,
  XFRAME_PATH,
  xframe,
} from '../discovery/discovery.ts';
import type { FaultAction } from '../faults/plan.ts';
import { dispatchApp } from './app-dispatch.ts';
import { decodeBody } from './body.ts';
import { parameterValidationFailure, resourceNotFound, ucwaError } from './errors.ts';
import type { EmulatorRequest, Reply } from './types.ts';

/** A reply and whether a fault asked to cut it off mid-body. */
export interface Outcome {
  readonly reply: Reply;
  readonly drop: boolean;
}

function faultReply(action: FaultAction): Reply | undefined {
  switch (action.type) {
    case 'status': {
      const retry =
        action.retryAfter === undefined
          ? undefined
          : ([['Retry-After', String(action.retryAfter)]] as const);
      return ucwaError(action.status, undefined, retry === undefined ? {} : { headers: retry });
    }
    case 'tooManyRequests':
      return ucwaError(429, undefined, {
        headers: [['Retry-After', String(action.retryAfter ?? 1)]],
      });
    case 'pgetReplaced':
      return ucwaError(409, 'PGetReplaced', { message: 'Another P-GET replaced this one.' });
    case 'error':
      return ucwaError(action.status, action.subcode, {
        ...(action.code === undefined ? {} : { code: action.code }),
        ...(action.message === undefined ? {} : { message: action.message }),
      });
    case 'applicationNotFound':
    case 'dropApplication':
      return ucwaError(404, 'ApplicationNotFound', {
        message: 'The application resource does not exist.',
      });
    default:
      return undefined;
  }
}

const ROOT = ROOT_PATH.toLowerCase();
const INTERNAL_ROOT = INTERNAL_ROOT_PATH.toLowerCase();
const XFRAME = XFRAME_PATH.toLowerCase();
const TOKEN = TOKEN_PATH.toLowerCase();
const USER = USER_PATH.toLowerCase();
const APPLICATIONS = APPLICATIONS_PATH.toLowerCase();
const IN_APPLICATION = `${APPLICATIONS}/`;

const sleep = (core: EmulatorCore, ms: number): Promise<void> =>
  ms <= 0 ? Promise.resolve() : new Promise((resolve) => core.clock.setTimeout(resolve, ms));

async function rootRoute(
  core: EmulatorCore,
  request: EmulatorRequest,
  delayMs: number,
): Promise<Reply> {
  const { method, url } = request;
  const path = url.pathname.endsWith('/') ? url.pathname.replace(/\/+$/, '') || '/' : url.pathname;
  const lower = path.toLowerCase();
  // Delays under an application run inside its dispatcher, so they count as outstanding.
  if (lower.startsWith(IN_APPLICATION)) return inApplication(core, request, path, delayMs);
  if (delayMs > 0) await sleep(core, delayMs);
  const internal = url.hostname.toLowerCase().startsWith('lyncdiscoverinternal.');
  if (method === 'GET' && (lower === '/' || lower === ROOT)) {
    return discoveryRoot(url.origin, internal, core.options.discoveryRedirect);
  }
  if (method === 'GET' && lower === INTERNAL_ROOT) {
    return discoveryRoot(url.origin, true, core.options.discoveryRedirect);
  }
  if (method === 'GET' && lower === XFRAME) return xframe();
  if (method === 'POST' && lower === TOKEN) {
    return tokenEndpoint(core, Buffer.from(request.body).toString('utf8'), url.host);
  }
  if (lower === USER || lower === APPLICATIONS) {
    const token = core.tokens.verify(request.headers.get('Authorization'), url.host);
    if (token === undefined) return challenge(url.origin);
    if (lower === USER) return userResource(url.origin);
    if (method === 'GET') return listApplications(core, token, APPLICATIONS_PATH);
    if (method !== 'POST')
      return ucwaError(405, 'MethodNotAllowed', { headers: [['Allow', 'GET, POST']] });
    const body = decodeBody(request, core.codecs, core.options.maxBodyBytes);
    return 'kind' in body ? body : createApplication(core, token, body.input);
  }
  return resourceNotFound();
}

/** `/ucwa/oauth/v1/applications/{id}/…`: the application's dispatcher, delay included. */
function inApplication(
  core: EmulatorCore,
  request: EmulatorRequest,
  path: string,
  delayMs: number,
): Promise<Reply> {
  const rest = path.slice(IN_APPLICATION.length);
  const slash = rest.indexOf('/');
  const id = slash === -1 ? rest : rest.slice(0, slash);
  const sub = slash === -1 ? '' : rest.slice(slash + 1);
  return dispatchApp(core, request, id, sub, () => sleep(core, delayMs));
}

/**
 * `X-MS-RequiresMinResourceVersion`: a number above the served revision (`Infinity` and
 * `1e400` included) → 404 APIVersionNotSupported; a value that is no number → 400.
 */
function versionRefusal(header: string | null, core: EmulatorCore): Reply | undefined {
  if (header === null || header.trim() === '') return undefined;
  const wanted = Number(header.trim());
  if (Number.isNaN(wanted)) {
    return parameterValidationFailure(
      [{ name: 'X-MS-RequiresMinResourceVersion', value: header }],
      'X-MS-RequiresMinResourceVersion is not a number.',
    );
  }
  if (wanted <= core.options.resourceVersion) return undefined;
  return ucwaError(404, 'APIVersionNotSupported', {
    message: `Resource version ${header.trim()} is not supported.`,
  });
}

/** Deletes the application a path under `/applications/{id}` addresses, if it lives. */
function dropApplication(core: EmulatorCore, path: string): void {
  if (!path.toLowerCase().startsWith(IN_APPLICATION)) return;
  const id = path.slice(IN_APPLICATION.length).split('/')[0] ?? '';
  const app = core.registry.get(id);
  if (app !== undefined) core.registry.remove(app);
}

/**
 * Runs one request through faults, the version check and the routes. Used for every
 * request and for each part of a batch. `flags` records resync/resume faults for the
 * event channel route to read.
 */
export async function execute(core: EmulatorCore, request: EmulatorRequest): Promise<Outcome> {
  const flags = core.pgetFlags;
  let drop = false;
  let delayMs = 0;
  for (const action of core.faults.take(request.method, request.url.pathname)) {
    if (action.type === 'delay') delayMs += action.ms;
    else if (action.type === 'drop') drop = true;
    else if (action.type === 'expireToken')
      core.tokens.expire(request.headers.get('Authorization'));
    else if (action.type === 'resync' || action.type === 'resume') {
      flags.set(request, { ...flags.get(request), [action.type]: true });
    } else {
      if (action.type === 'dropApplication') dropApplication(core, request.url.pathname);
      const reply = faultReply(action);
      if (reply !== undefined) return { reply, drop };
    }
  }
  const refused = versionRefusal(request.headers.get('X-MS-RequiresMinResourceVersion'), core);
  if (refused !== undefined) return { reply: refused, drop };
  return { reply: await rootRoute(core, request, delayMs), drop };
}
