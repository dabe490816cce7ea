import type { UnknownResource } from '@ucwa/model';
import { peopleHub } from '../session/hub.ts';
import { invokeLink } from '../session/invoke.ts';
import type { SessionCore } from '../session/session-core.ts';

/** A presence subscription the session keeps alive and restores. */
export interface PresenceSubscription {
  /** The subscription resource's href (it changes when the session restores it). */
  readonly href: string | undefined;
  readonly uris: readonly string[];
  /** Deletes the subscription; it is no longer extended or restored. */
  cancel(): Promise<void>;
}

/** Extends a subscription when this share of its duration has passed. */
const EXTEND_AT = 0.8;

async function create(
  core: SessionCore,
  uris: readonly string[],
  minutes: number,
): Promise<UnknownResource | undefined> {
  const people = peopleHub(core);
  const answer = await invokeLink(core, people, 'presenceSubscriptions', {
    duration: minutes,
    uris,
  });
  if (answer.resource !== undefined) return answer.resource;
  return answer.location === undefined ? undefined : core.store.read(answer.location);
}

/**
 * Subscribes to the presence of `uris` for `minutes`, extends the subscription before
 * it lapses, and creates it again after the application was recreated or the server
 * dropped it (`resume`).
 */
export async function subscribePresence(
  core: SessionCore,
  uris: readonly string[],
  minutes: number,
): Promise<PresenceSubscription> {
  const key = `presence:${core.cfg.randomId()}`;
  let resource = await create(core, uris, minutes);
  let timer: unknown;
  const schedule = (): void => {
    core.cfg.timers.clearTimeout(timer);
    timer = core.cfg.timers.setTimeout(() => void extend(), minutes * 60_000 * EXTEND_AT);
  };
  const extend = async (): Promise<void> => {
    try {
      if (resource === undefined) throw new TypeError('no subscription to extend');
      await core.transport.post(core.key(resource.href), undefined, {
        query: { duration: minutes },
      });
    } catch {
      resource = await create(core, uris, minutes).catch(() => undefined);
    }
    if (core.restorers.has(key)) schedule();
  };
  const stop = (): void => core.cfg.timers.clearTimeout(timer);
  core.disposers.add(stop);
  core.restorers.set(key, async () => {
    resource = await create(core, uris, minutes);
    schedule();
  });
  schedule();
  return {
    get href() {
      return resource === undefined ? undefined : core.key(resource.href);
    },
    uris,
    cancel: async () => {
      core.restorers.delete(key);
      core.disposers.delete(stop);
      stop();
      if (resource !== undefined) await core.transport.delete(core.key(resource.href));
    },
  };
}
