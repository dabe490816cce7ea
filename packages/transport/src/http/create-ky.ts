import ky, { type KyInstance, type Options } from 'ky';
import type { FetchLike } from './fetch-like.ts';

/** What a call hands its `fetch` (as `ucwa` in ky's options, which passes unknown ones on). */
export interface Forwarded {
  /** The call's signal (its deadline and the caller's), or none when nothing can abort it. */
  readonly signal: AbortSignal | undefined;
  /** The call's timeout, for a Node dispatcher's header and body timeouts. */
  readonly timeout: number | false;
}

/** The options of one attempt through the transport's ky instance: one extra key, for ky merges every key on each call. */
export type AttemptOptions = Options & { readonly ucwa: Forwarded };

/**
 * The ky instance of a transport, created once: no ky retry (the transport's own loop runs
 * on the injected timers with a session-wide budget), no ky timeout (its 10 s default would
 * end a P-GET; the call's deadline covers every attempt), no redirect following (a
 * redirect's origin is checked first), and failure statuses returned, not thrown. Its
 * `fetch` is `fetch` with the call's signal.
 */
export function createKy(fetch: FetchLike): KyInstance {
  return ky.create({
    redirect: 'manual',
    timeout: false,
    throwHttpErrors: false,
    retry: 0,
    // No `signal` for ky: it would combine it with its own (AbortSignal.any on every
    // request). The call's signal goes to fetch in `init`, where it replaces the Request's.
    fetch: (input, init) => {
      const forwarded = (init as { ucwa?: Forwarded } | undefined)?.ucwa;
      const signal = forwarded?.signal;
      const ucwaTimeout = forwarded?.timeout ?? false;
      // ky always passes a Request; the string/URL branch only satisfies its type.
      const request = input instanceof Request ? input : new Request(input, init);
      return fetch(request, signal === undefined ? { ucwaTimeout } : { signal, ucwaTimeout });
    },
  });
}
