import ky, { type KyInstance, type Options } from 'ky';
import type { FetchLike } from './fetch-like.ts';

/** What the transport hands ky for its `fetch`: ky passes options it does not know on to it. */
export interface Forwarded {
  readonly ucwaSignal?: AbortSignal | undefined;
  readonly ucwaTimeout?: number | false;
}

/** The options of one attempt through the transport's ky instance. */
export type AttemptOptions = Options & Forwarded;

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
      const forwarded = (init ?? {}) as Forwarded;
      // ky always passes a Request; the string/URL branch only satisfies its type.
      return fetch(input instanceof Request ? input : new Request(input, init), {
        ...(forwarded.ucwaSignal === undefined ? {} : { signal: forwarded.ucwaSignal }),
        ucwaTimeout: forwarded.ucwaTimeout ?? false,
      });
    },
  });
}
