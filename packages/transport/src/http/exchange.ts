import ky, { isNetworkError, type KyInstance, type Options } from 'ky';
import { redactUrl } from '../redact.ts';
import { RETRY_STATUSES } from '../retry/retry-options.ts';
import { sleep } from '../signals.ts';
import type { TransportContext } from './context.ts';
import type { FetchLike } from './fetch-like.ts';

/** One request on the wire, retried by the session's policy. */
export interface ExchangeSpec {
  readonly method: string;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  readonly signal: AbortSignal;
  readonly timeout: number | false;
}

/** Whether `fetch` failed to get any answer (as opposed to an abort). */
function isFetchFailure(error: unknown, signal: AbortSignal): boolean {
  if (signal.aborted || !(error instanceof Error)) return false;
  return isNetworkError(error) || error.name === 'TypeError';
}

/** What `attempt` hands ky for its `fetch`: ky passes options it does not know on to it. */
interface Forwarded {
  readonly ucwaSignal?: AbortSignal;
  readonly ucwaTimeout?: number | false;
}

/**
 * The ky instance of a transport, created once: no ky retry (the loop below is ours), no
 * ky timeout (its 10 s default would end a P-GET; the call's deadline covers every
 * attempt), no redirect following (the caller checks a redirect's origin first), and
 * failure statuses returned, not thrown. Its `fetch` is `fetch` with the call's signal.
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

/**
 * One attempt through the transport's ky instance. Only the options a request needs are
 * passed: ky merges every option it is given into its defaults on each call.
 */
function attempt(ctx: TransportContext, spec: ExchangeSpec): Promise<Response> {
  const options: Options & Forwarded = {
    headers: spec.headers,
    ucwaSignal: spec.signal,
    ucwaTimeout: spec.timeout,
  };
  if (spec.method !== 'GET') options.method = spec.method;
  if (spec.body !== undefined) options.body = spec.body;
  return ctx.ky(spec.url, options);
}

/**
 * Sends one request through ky, retrying by the session's policy. The loop is ours, not
 * ky's `retry`: the waits must run on the injected timers (ky waits on the global ones,
 * with an extra zero-delay tick), the budget is shared by the whole session, and a
 * retried status must free its body before the next attempt.
 */
export async function exchange(ctx: TransportContext, spec: ExchangeSpec): Promise<Response> {
  const method = spec.method.toUpperCase();
  for (let retry = 1; ; retry++) {
    let response: Response;
    try {
      response = await attempt(ctx, spec);
    } catch (error) {
      const wait = isFetchFailure(error, spec.signal)
        ? ctx.retry.decide({ method }, retry)
        : undefined;
      if (wait === undefined) throw error;
      ctx.logger.debug?.('ucwa retry', {
        method,
        url: redactUrl(spec.url),
        reason: 'network',
        retry,
        wait,
      });
      await sleep(wait, ctx.timers, spec.signal);
      continue;
    }
    if (!RETRY_STATUSES.has(response.status)) return response;
    const wait = ctx.retry.decide(
      { method, status: response.status, headers: response.headers },
      retry,
    );
    if (wait === undefined) return response;
    ctx.logger.debug?.('ucwa retry', {
      method,
      url: redactUrl(spec.url),
      reason: `status ${response.status}`,
      retry,
      wait,
    });
    await response.body?.cancel();
    await sleep(wait, ctx.timers, spec.signal);
  }
}
