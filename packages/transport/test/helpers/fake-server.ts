import { encodeError, encodeResource } from '@ucwa/codec-json';
import type { UcwaErrorBody, UnknownResource } from '@ucwa/model';
import { createTransport, type FetchLike, type TransportOptions } from '../../src/index.ts';

export const ORIGIN = 'https://ucwa.test';
export const JSON_TYPE = 'application/vnd.microsoft.com.ucwa+json';

/** What the fake server saw of one request. */
export interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body: string;
}

export type Handler = (request: Seen, index: number) => Response | Promise<Response>;

/**
 * An in-process `fetch` that records every request and answers with `handler`. It
 * honours the request's signal like a real fetch, rejecting with its reason.
 */
export function fakeFetch(handler: Handler): FetchLike & { readonly seen: Seen[] } {
  const seen: Seen[] = [];
  const fetch = async (input: Request, init?: RequestInit): Promise<Response> => {
    // As fetch(request, init) does, a signal in init replaces the Request's.
    const signal = init?.signal ?? input.signal;
    signal.throwIfAborted();
    const request: Seen = {
      method: input.method,
      url: input.url,
      headers: new Headers(input.headers),
      body: input.body === null ? '' : await input.text(),
    };
    seen.push(request);
    const answer = Promise.resolve(handler(request, seen.length - 1));
    return new Promise<Response>((resolve, reject) => {
      const onAbort = (): void => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  };
  return Object.assign(fetch, { seen });
}

export function resource(
  rel: string,
  href: string,
  properties: UnknownResource['properties'] = {},
  links: UnknownResource['links'] = {},
): UnknownResource {
  return { rel, href, properties, links: { self: { rel: 'self', href }, ...links }, embedded: {} };
}

export function ok(
  body: UnknownResource,
  headers: Record<string, string> = {},
  status = 200,
): Response {
  return new Response(encodeResource(body), {
    status,
    headers: { 'content-type': JSON_TYPE, ...headers },
  });
}

export function fail(
  status: number,
  body?: UcwaErrorBody,
  headers: Record<string, string> = {},
): Response {
  return new Response(body === undefined ? null : encodeError(body), {
    status,
    headers: body === undefined ? headers : { 'content-type': JSON_TYPE, ...headers },
  });
}

/** A `TokenProvider` that counts its calls and hands out `token-1`, `token-2`, ... */
export function countingProvider(expiresIn?: number, now: () => number = Date.now) {
  const calls: string[] = [];
  return {
    calls,
    async getToken({ reason }: { reason: string }) {
      calls.push(reason);
      const accessToken = `token-${calls.length}`;
      return expiresIn === undefined
        ? { accessToken }
        : { accessToken, expiresAt: now() + expiresIn };
    },
  };
}

/** Records the waits asked of the transport's timers, delegating to the (fake) globals. */
export function recordingTimers() {
  const waits: number[] = [];
  return {
    waits,
    setTimeout(callback: () => void, ms: number): unknown {
      waits.push(ms);
      return globalThis.setTimeout(callback, ms);
    },
    clearTimeout(handle: unknown): void {
      globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>);
    },
  };
}

/**
 * A JSON transport on {@link fakeFetch} with a {@link countingProvider} and no retries;
 * `options` override any of that.
 */
export function fakeTransport(handler: Handler, options: Partial<TransportOptions> = {}) {
  const fetch = fakeFetch(handler);
  const auth = countingProvider();
  const transport = createTransport({
    origin: ORIGIN,
    format: 'json',
    auth,
    fetch,
    retry: false,
    ...options,
  });
  return { fetch, auth, transport };
}
