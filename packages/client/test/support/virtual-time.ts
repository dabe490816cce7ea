import type { ManualClock } from '@ucwa/emulator';
import type { FetchLike, Timers } from '@ucwa/transport';

/** Client timers and clock on the emulator's manual clock, so one `advance` drives both. */
export function clockTimers(clock: ManualClock): { timers: Timers; now: () => number } {
  return {
    timers: {
      setTimeout: (callback, ms) => clock.setTimeout(callback, ms),
      clearTimeout: (handle) => {
        if (
          typeof handle === 'object' &&
          handle !== null &&
          'cancel' in handle &&
          typeof handle.cancel === 'function'
        ) {
          handle.cancel();
        }
      },
    },
    now: () => clock.now(),
  };
}

/**
 * A fetch that counts requests in flight and records the answers `keep` selects (all of
 * them by default; a long run keeps only what it asserts on, so the log does not grow).
 */
export function countingFetch(
  keep: (answer: {
    method: string;
    url: string;
    status: number;
    bearer: boolean;
  }) => boolean = () => true,
  send: FetchLike = (request, init) => globalThis.fetch(request, init),
) {
  const inflight = new Map<number, string>();
  const answers: { method: string; url: string; status: number; bearer: boolean }[] = [];
  let next = 0;
  const fetch: FetchLike = async (request, init) => {
    const id = next++;
    inflight.set(id, `${request.method} ${request.url}`);
    try {
      const answered = await send(request, init);
      // The request counts as in flight until its body is read, so `settle` cannot move
      // the clock past a call whose answer is still on the wire.
      const body = await answered.arrayBuffer();
      const response = new Response(
        answered.status === 204 || answered.status === 304 ? null : body,
        {
          status: answered.status,
          statusText: answered.statusText,
          headers: answered.headers,
        },
      );
      Object.defineProperty(response, 'url', { value: answered.url });
      const answer = {
        method: request.method,
        url: request.url,
        status: response.status,
        bearer: request.headers.get('authorization')?.startsWith('Bearer ') === true,
      };
      if (keep(answer)) answers.push(answer);
      return response;
    } catch (error) {
      const answer = { method: request.method, url: request.url, status: -1, bearer: false };
      if (keep(answer)) answers.push(answer);
      throw error;
    } finally {
      inflight.delete(id);
    }
  };
  /**
   * Resolves once the only requests in flight are at most `pgets` pending GETs on event
   * channels, seen on `turns` turns of the event loop in a row: everything the last step
   * set off is done (a call may take a few turns of promises before it reaches `fetch`),
   * and whatever is left waits for a timer, that is for the clock to move.
   */
  const settle = async (pgets: number, turns = 20): Promise<void> => {
    const quiet = () => {
      const open = [...inflight.values()];
      return (
        open.length === pgets && open.every((r) => r.startsWith('GET ') && r.includes('/events'))
      );
    };
    const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
    let calm = 0;
    for (let i = 0; i < 100_000; i++) {
      await turn();
      calm = quiet() ? calm + 1 : 0;
      if (calm >= turns) return;
    }
    throw new Error(`never settled; in flight: ${[...inflight.values()].join(', ')}`);
  };
  return { fetch, answers, settle, inflight };
}
