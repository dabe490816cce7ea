import { Call, needsMore } from './call.ts';
import type { TransportContext } from './context.ts';
import type { SendSpec, Sent } from './send-spec.ts';

/**
 * Runs `read` on the answer to `spec` inside the call's deadline and outstanding-request
 * slot: auth (token, one refresh and replay after a 401), trusted redirects, retries.
 * Errors come out as the transport's family; an abort by the caller's signal as its reason.
 * The common call (a token at hand, a free slot, an answer that is none of a redirect, a
 * 401 or a status to retry) runs no async function of its own: one ky call, two `then`s.
 */
export function send<T>(
  ctx: TransportContext,
  spec: SendSpec,
  read: (sent: Sent) => Promise<T>,
): Promise<T> {
  let call: Call;
  try {
    call = new Call(ctx, spec);
  } catch (error) {
    return Promise.reject(error); // a caller header with CR/LF: nothing was sent
  }
  const token = spec.auth === false ? undefined : ctx.auth.ready();
  const release =
    spec.auth === false || token !== undefined
      ? ctx.limiter.tryAcquire(spec.permits ?? 1)
      : undefined;
  const onResponse = (response: Response): Promise<T> =>
    needsMore(call.arrived(response))
      ? call.settle(response).then((last) => read(call.sent(last)))
      : read(call.sent(response));
  const answered =
    release === undefined
      ? call.start().then(onResponse)
      : call
          .begin(release, token)
          .then(onResponse, (error: unknown) => call.afterFailure(error).then(onResponse));
  return answered.then(
    (result) => call.succeeded(result),
    (error: unknown) => call.failed(error),
  );
}
