import { findLinks, type UnknownResource } from '@ucwa/model';
import type { QueryParameters, Transport, UcwaResponse } from '@ucwa/transport';
import { missingLink } from '../errors/missing-link.ts';
import { UcwaTabCommandError } from '../errors/tab-command-error.ts';
import type { TabCommand, TabCommandResult } from './tab-messages.ts';

/** Sends one command through the leading tab (or runs it here when this tab leads). */
export type SendCommand = (command: TabCommand) => Promise<TabCommandResult>;

function withQuery(origin: string, href: string, query: QueryParameters | undefined): string {
  const url = new URL(href, origin);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) url.searchParams.append(name, String(item));
    else url.searchParams.set(name, String(value));
  }
  return url.href;
}

const leaderOnly = (what: string): Promise<never> =>
  Promise.reject(
    new UcwaTabCommandError(`${what} runs in the leading tab only`, {
      name: 'UcwaTabCommandError',
    }),
  );

/**
 * A {@link Transport} whose requests the leading tab sends: every tab's session works
 * through it, whichever tab leads now. Abort signals and timeouts stay in this tab (the
 * request goes on in the leader); `batch`, the token and the event channel's P-GET are
 * the leader's.
 */
export function relayTransport(origin: string, send: SendCommand): Transport {
  const run = async (command: TabCommand, href: string): Promise<UcwaResponse> => {
    const result = await send(command);
    if (!result.ok) throw new UcwaTabCommandError(result.message, result);
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
  };
  const getResponse = (href: string, o?: { readonly query?: QueryParameters }) => {
    const target = withQuery(origin, href, o?.query);
    return run({ method: 'GET', href: target }, target);
  };
  const get = async (href: string, o?: { readonly query?: QueryParameters }) => {
    const answer = await getResponse(href, o);
    if (answer.resource === undefined)
      throw new UcwaTabCommandError(`GET ${answer.url}: the answer had no resource`, {
        name: 'UcwaTabCommandError',
        status: answer.status,
      });
    return answer.resource;
  };
  return {
    origin,
    trustedOrigins: [origin],
    trustOrigin: () => {},
    get,
    getResponse,
    getEvents: () => leaderOnly('the event channel'),
    post: (href, input, o) => {
      const target = withQuery(origin, href, o?.query);
      return run(
        { method: 'POST', href: target, ...(input === undefined ? {} : { input }) },
        target,
      );
    },
    put: (resource, changes) =>
      run(
        { method: 'PUT', resource, ...(changes === undefined ? {} : { changes }) },
        resource.href,
      ),
    delete: (href, o) => {
      const target = withQuery(origin, href, o?.query);
      return run({ method: 'DELETE', href: target }, target);
    },
    follow: async (resource: UnknownResource, rel: string) => {
      const link = findLinks(resource, rel)[0];
      if (link === undefined) throw missingLink(resource, rel);
      return get(link.href);
    },
    batch: () => leaderOnly('batch'),
    getBytes: async (href, o) => {
      const target = withQuery(origin, href, o?.query);
      const result = await send({ method: 'getBytes', href: target });
      if (!result.ok) throw new UcwaTabCommandError(result.message, result);
      const bytes = result.bytes ?? new Uint8Array(0);
      return { status: result.status, url: target, contentType: result.contentType, bytes };
    },
    // The token stays in the leading tab.
    currentToken: () => undefined,
  };
}
