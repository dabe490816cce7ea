import { findLinks, type UnknownResource } from '@ucwa/model';
import {
  type BatchPartError,
  type BatchResult,
  type CallOptions,
  type GetOptions,
  isUcwaHttpError,
  type QueryParameters,
  type Transport,
  UcwaPreconditionFailedError,
  type UcwaResponse,
} from '@ucwa/transport';
import { missingLink } from '../errors/missing-link.ts';
import { UcwaTabCommandError } from '../errors/tab-command-error.ts';
import { rebuildError } from './rebuild-error.ts';
import type { TabCommand, TabCommandResult, WireBatchPart } from './tab-messages.ts';
import { wireCallOptions } from './wire-call-options.ts';
import { stripPrefix } from './wire-error.ts';

/**
 * Sends one command through the leading tab (or runs it here when this tab leads);
 * `signal` cancels it there too.
 */
export type SendCommand = (command: TabCommand, signal?: AbortSignal) => Promise<TabCommandResult>;

type Ok = TabCommandResult & { ok: true };

function withQuery(origin: string, href: string, query: QueryParameters | undefined): string {
  const url = new URL(href, origin);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) url.searchParams.append(name, String(item));
    else url.searchParams.set(name, String(value));
  }
  return url.href;
}

function batchPart(part: WireBatchPart): BatchResult {
  if (!part.ok)
    return { ok: false, status: part.status, error: rebuildError(part.error) as BatchPartError };
  const headers = new Headers(part.headers.map(([k, v]) => [k, v] as [string, string]));
  return {
    ok: true,
    status: part.status,
    headers,
    resource: part.resource,
    location: part.location,
  };
}

function response(result: Ok, href: string): UcwaResponse {
  return {
    status: result.status,
    url: href,
    headers: new Headers(result.etag === undefined ? undefined : { ETag: result.etag }),
    ucwaVersion: undefined,
    etag: result.etag,
    location: result.location,
    resource: result.resource,
    fromCache: false,
  };
}

/** The calls every method of the relay transport is made of. */
interface RelayCalls {
  ask(command: TabCommand, o: GetOptions | undefined): Promise<Ok>;
  run(command: TabCommand, href: string, o?: GetOptions): Promise<UcwaResponse>;
  target(href: string, o: CallOptions | undefined): string;
  getResponse(href: string, o?: GetOptions): Promise<UcwaResponse>;
  get(href: string, o?: GetOptions): Promise<UnknownResource>;
}

function relayCalls(origin: string, send: SendCommand): RelayCalls {
  const calls: RelayCalls = {
    ask: async (command, o) => {
      const options = wireCallOptions(o);
      const bare =
        options === undefined || command.method === 'snapshot' || command.method === 'signOut';
      const sent = bare ? command : { ...command, options };
      const result = await send(sent, o?.signal);
      if (!result.ok) throw rebuildError(result);
      return result;
    },
    run: async (command, href, o) => response(await calls.ask(command, o), href),
    target: (href, o) => withQuery(origin, href, o?.query),
    getResponse: (href, o) => {
      const target = calls.target(href, o);
      return calls.run({ method: 'GET', href: target }, target, o);
    },
    get: async (href, o) => {
      const answer = await calls.getResponse(href, o);
      if (answer.resource === undefined)
        throw new UcwaTabCommandError(`GET ${answer.url}: the answer had no resource`, {
          name: 'UcwaTabCommandError',
          status: answer.status,
        });
      return answer.resource;
    },
  };
  return calls;
}

/** PUT through the leader; a 412 is a `UcwaPreconditionFailedError` whose `retry` works here. */
function relayPut(calls: RelayCalls): Transport['put'] {
  const put: Transport['put'] = async (resource, changes, o) => {
    const command = { method: 'PUT', resource, ...(changes === undefined ? {} : { changes }) };
    try {
      return await calls.run(command as TabCommand, resource.href, o);
    } catch (error) {
      if (!(isUcwaHttpError(error) && error.status === 412)) throw error;
      // As the leader's transport does: read it again, apply the same changes, PUT once more.
      const retry = async (again?: { signal?: AbortSignal }) =>
        put(await calls.get(resource.href, again), changes, again);
      throw new UcwaPreconditionFailedError(stripPrefix(error.message, error.request), {
        request: error.request,
        response: error.response,
        retry,
      });
    }
  };
  return put;
}

const leaderOnly = (): Promise<never> =>
  Promise.reject(
    new UcwaTabCommandError('the event channel runs in the leading tab only', {
      name: 'UcwaTabCommandError',
    }),
  );

/**
 * A {@link Transport} whose requests the leading tab sends: every tab's session works
 * through it, whichever tab leads now. Failures are thrown as the classes the leader's
 * transport threw (`UcwaHttpError` with its status, code, subcode and answer, ...); an
 * abort signal cancels the leader's request too, and the call's `timeout`, `headers`,
 * `minResourceVersion` and `cache` apply to it there.
 * The token and the event channel's P-GET stay in the leader.
 */
export function relayTransport(origin: string, send: SendCommand): Transport {
  const calls = relayCalls(origin, send);
  const { ask, run, target, get } = calls;
  return {
    origin,
    trustedOrigins: [origin],
    trustOrigin: () => {},
    get,
    getResponse: calls.getResponse,
    getEvents: leaderOnly,
    post: (href, input, o) =>
      run(
        { method: 'POST', href: target(href, o), ...(input === undefined ? {} : { input }) },
        target(href, o),
        o,
      ),
    put: relayPut(calls),
    delete: (href, o) => run({ method: 'DELETE', href: target(href, o) }, target(href, o), o),
    follow: async (resource: UnknownResource, rel: string, o?: CallOptions) => {
      const link = findLinks(resource, rel)[0];
      if (link === undefined) throw missingLink(resource, rel);
      return get(link.href, o);
    },
    batch: async (href, requests, o) => {
      const result = await ask({ method: 'batch', href: target(href, o), requests }, o);
      return (result.parts ?? []).map(batchPart);
    },
    getBytes: async (href, o) => {
      const result = await ask({ method: 'getBytes', href: target(href, o) }, o);
      const bytes = result.bytes ?? new Uint8Array(0);
      return {
        status: result.status,
        url: target(href, o),
        contentType: result.contentType,
        bytes,
      };
    },
    // The token stays in the leading tab.
    currentToken: () => undefined,
  };
}
