import { Call, needsMore } from './call.ts';
import type { TransportContext } from './context.ts';
import { readAnswer, type Want, type Wanted } from './read-answer.ts';
import type { SendSpec, Sent } from './send-spec.ts';

/**
 * Runs `read` on the answer to `spec` inside the call's deadline and outstanding-request
 * slot: auth (token, one refresh and replay after a 401), trusted redirects, retries.
 * Errors come out as the transport's family; an abort by the caller's signal as its reason.
 * The common call (a token at hand, a free slot, an answer that is none of a redirect, a
 * 401 or a status to retry) runs no async function of its own: one ky call, two `then`s.
 */
export function send<W extends Want>(
  ctx: TransportContext,
  spec: SendSpec,
  read: W,
): Promise<Wanted[W]>;
/** The same, with `read` for an answer that is not simply read (a 304, a batch). */
export function send<T>(
  ctx: TransportContext,
  spec: SendSpec,
  read: (sent: Sent) => Promise<T>,
): Promise<T>;
export function send<T>(
  ctx: TransportContext,
  spec: SendSpec,
  read: Want | ((sent: Sent) => Promise<T>),
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
      ? call.settle(response).then((last) => readWith(ctx, read, call.sent(last)))
      : readWith(ctx, read, call.sent(response));
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

/** Reads `sent` as `read` says; a `Want` saves the caller a closure per call. */
function readWith<T>(
  ctx: TransportContext,
  read: Want | ((sent: Sent) => Promise<T>),
  sent: Sent,
): Promise<T> {
  return typeof read === 'string' ? (readAnswer(ctx, sent, read) as Promise<T>) : read(sent);
}
