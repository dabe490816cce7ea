import type { FetchLike } from '@ucwa/transport';

/** What a mapped host does: forward to a base URL, refuse the connection, or answer a status. */
export type HostRoute =
  | { readonly to: string }
  | { readonly refuse: true }
  | { readonly status: number; readonly location?: string };

/** A fetch that resolves made-up host names (lyncdiscover.contoso.com) to test servers. */
export interface HostMapFetch {
  readonly fetch: FetchLike;
  /** Requests seen, as `METHOD host/path`. */
  readonly log: string[];
}

async function forward(request: Request, base: string, init?: RequestInit): Promise<Response> {
  const url = new URL(request.url);
  const target = new URL(url.pathname + url.search, base);
  const body =
    request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
  return globalThis.fetch(target, {
    method: request.method,
    headers: request.headers,
    redirect: 'manual',
    ...(body === undefined ? {} : { body }),
    ...(init?.signal === undefined || init.signal === null ? {} : { signal: init.signal }),
  });
}

/** Creates the fetch; hosts not in `routes` go to the network as they are (127.0.0.1 only in tests). */
export function hostMapFetch(routes: Readonly<Record<string, HostRoute>>): HostMapFetch {
  const log: string[] = [];
  const fetch: FetchLike = async (input, init) => {
    const url = new URL(input.url);
    log.push(`${input.method} ${url.host}${url.pathname}`);
    const route = routes[url.host];
    if (route === undefined) return forward(input, url.origin, init);
    if ('refuse' in route)
      throw new TypeError('fetch failed', { cause: new Error('ECONNREFUSED') });
    if ('status' in route) {
      const headers = route.location === undefined ? undefined : { location: route.location };
      return new Response(null, {
        status: route.status,
        ...(headers === undefined ? {} : { headers }),
      });
    }
    return forward(input, route.to, init);
  };
  return { fetch, log };
}
