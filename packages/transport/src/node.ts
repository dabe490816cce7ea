import type { Dispatcher } from 'undici';
import type { FetchExtras, FetchLike } from './http/fetch-like.ts';
import { loadUndici } from './load-undici.ts';

/** Options of {@link createNodeFetch}. */
export interface NodeFetchOptions {
  /** Most sockets per origin. Default `128`. */
  readonly connections?: number;
  /** Idle keep-alive, ms. Default `4_000` (undici's). */
  readonly keepAliveTimeout?: number;
  /** TCP/TLS connect timeout, ms. Default `10_000`. */
  readonly connectTimeout?: number;
  /**
   * Added to the call's timeout for the dispatcher's header and body timeouts, so the
   * transport's own deadline (a `UcwaTimeoutError`) fires first. Default `1_000`.
   */
  readonly slack?: number;
}

/** A Node `fetch` for the transport, plus `close()` to end its sockets. */
export interface NodeFetch extends FetchLike {
  close(): Promise<void>;
}

/**
 * A `fetch` for Node whose undici header and body timeouts follow each call's timeout.
 * Node's own fetch gives up waiting for headers after 300 s, which would end a P-GET the
 * server holds for up to 1,800 s (EventChannelDetails.md); `timeout: false` turns both
 * off. Lives in `@ucwa/transport/node`, so browser bundles never load undici. Needs the
 * optional peer dependency `undici` (`npm install undici`); without it, this throws an
 * error that says so.
 *
 * @example
 * ```ts
 * import { createTransport } from '@ucwa/transport';
 * import { createNodeFetch } from '@ucwa/transport/node';
 *
 * const fetch = createNodeFetch();
 * const transport = createTransport({ origin, format: 'json', auth, fetch });
 * await transport.getEvents(eventsHref, { timeout: 1_900_000 });
 * await fetch.close();
 * ```
 */
export function createNodeFetch(options: NodeFetchOptions = {}): NodeFetch {
  const { Agent } = loadUndici();
  const agent = new Agent({
    connections: options.connections ?? 128,
    keepAliveTimeout: options.keepAliveTimeout ?? 4_000,
    connect: { timeout: options.connectTimeout ?? 10_000 },
  });
  const slack = options.slack ?? 1_000;
  // One composed dispatcher per distinct timeout; calls use a handful of values.
  const byTimeout = new Map<number, Dispatcher>();
  const dispatcherFor = (timeout: number | false | undefined): Dispatcher => {
    const ms = timeout === false || timeout === undefined ? 0 : timeout + slack;
    let dispatcher = byTimeout.get(ms);
    if (dispatcher === undefined) {
      if (byTimeout.size > 64) byTimeout.clear();
      dispatcher = agent.compose(
        (dispatch) => (opts, handler) =>
          dispatch({ ...opts, headersTimeout: ms, bodyTimeout: ms }, handler),
      );
      byTimeout.set(ms, dispatcher);
    }
    return dispatcher;
  };
  const fetchOnNode = (input: Request, init?: RequestInit & FetchExtras): Promise<Response> => {
    const { ucwaTimeout, ...rest } = init ?? {};
    // Node's fetch takes an undici dispatcher; the DOM RequestInit type does not list it.
    const withDispatcher: RequestInit & { dispatcher: Dispatcher } = {
      ...rest,
      dispatcher: dispatcherFor(ucwaTimeout),
    };
    return globalThis.fetch(input, withDispatcher);
  };
  return Object.assign(fetchOnNode, { close: () => agent.close() });
}
