/** Extra information the transport passes to its `fetch` with every request. */
export interface FetchExtras {
  /**
   * The call's timeout in milliseconds, `false` for none. A Node dispatcher uses it for its
   * header and body timeouts (see `@ucwa/transport/node`); `globalThis.fetch` ignores it.
   */
  readonly ucwaTimeout?: number | false;
}

/**
 * The `fetch` the transport calls: `globalThis.fetch` fits, so does the Node fetch from
 * `@ucwa/transport/node` or a test handler. As with `fetch(request, init)`, the call's
 * abort signal is `init.signal` (it replaces the Request's own): a custom fetch must honour it.
 */
export type FetchLike = (input: Request, init?: RequestInit & FetchExtras) => Promise<Response>;
