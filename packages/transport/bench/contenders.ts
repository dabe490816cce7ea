import type { BundledModule } from './bundled.ts';

export const CONCURRENCY = 50;
const ACCEPT = 'application/vnd.microsoft.com.ucwa+json';

/** One batch of `CONCURRENCY` GETs of `/me`, all awaited. */
export type Run = () => Promise<void>;

/** The same GET three ways: bare fetch, ky alone, the transport. */
export interface Contenders {
  readonly bare: Run;
  readonly kyAlone: Run;
  readonly transport: Run;
}

const auth = () => ({ getToken: async () => ({ accessToken: 'cwt=bench-token' }) });

/**
 * Bare fetch parses the JSON; "ky alone" is a ky instance made as the transport makes its
 * own (no retry, no timeout, no redirects), parsing the JSON; the transport adds auth, the
 * origin policy, the limiter, the call deadline, the bounded read and decoding into the
 * model. All three use Node's global fetch and dispatcher.
 */
export function contenders(origin: string, { createTransport, ky }: BundledModule): Contenders {
  const url = `${origin}/me`;
  const headers = { accept: ACCEPT, authorization: 'Bearer cwt=bench-token' };
  const transport = createTransport({ origin, format: 'json', auth: auth(), limit: CONCURRENCY });
  const kyInstance = ky.create({
    redirect: 'manual',
    timeout: false,
    throwHttpErrors: false,
    retry: 0,
  });
  const target = new URL(url);
  const concurrently =
    (one: () => Promise<unknown>): Run =>
    async () => {
      await Promise.all(Array.from({ length: CONCURRENCY }, one));
    };
  return {
    bare: concurrently(async () => (await fetch(url, { headers })).json()),
    kyAlone: concurrently(async () => (await kyInstance(target, { headers })).json()),
    transport: concurrently(() => transport.get('/me')),
  };
}

/**
 * A pending P-GET three ways, each aborted by `signal`. A transport holds at most 100
 * outstanding requests (the server's limit per user), so the transport's P-GETs are spread
 * over one transport per 100, as many sessions would hold them.
 */
export function pendingGets(origin: string, { createTransport, ky }: BundledModule, count: number) {
  const transports = Array.from({ length: Math.ceil(count / 100) }, () =>
    createTransport({ origin, format: 'json', auth: auth(), limit: 100 }),
  );
  const kyInstance = ky.create({
    redirect: 'manual',
    timeout: false,
    throwHttpErrors: false,
    retry: 0,
  });
  const headers = { accept: ACCEPT, authorization: 'Bearer cwt=bench-token' };
  return {
    bare: (signal: AbortSignal, i: number) =>
      fetch(`${origin}/events?ack=${i}`, { signal, headers }),
    kyAlone: (signal: AbortSignal, i: number) =>
      kyInstance(`${origin}/events?ack=${i}`, { signal, headers }),
    transport: (signal: AbortSignal, i: number) =>
      (transports[i % transports.length] ?? transports[0])?.getEvents(`/events?ack=${i}`, {
        signal,
        timeout: 1_900_000,
      }) ?? Promise.reject(new RangeError('no transport')),
  };
}
