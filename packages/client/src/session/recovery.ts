import type { EventCursor } from '@ucwa/events';
import { createApplication } from '../sign-in/create-application.ts';
import { invalidatesDiscovery, locateApplication } from '../sign-in/locate-application.ts';
import { attachChannel, type ChannelReactions } from './channel-wiring.ts';
import type { RestoreReason, SessionCore } from './session-core.ts';
import type { ReconnectReason, SignedOutReason } from './status.ts';

const RETRY_DELAYS = [0, 1_000, 5_000, 15_000, 60_000];

function wait(core: SessionCore, ms: number): Promise<void> {
  if (ms === 0) return Promise.resolve();
  return new Promise((resolve) => core.cfg.timers.setTimeout(resolve, ms));
}

/**
 * Sets up again what the session had set up. One that fails is tried once more; one that
 * fails again is left out, rather than recreating an application that works.
 */
export async function runRestorers(core: SessionCore, reason: RestoreReason): Promise<void> {
  for (const restore of [...core.restorers.values()]) {
    await restore(reason)
      .catch(() => restore(reason))
      .catch(() => {});
  }
}

/** A new application on the same endpoint id, from the known URL or after discovery. */
async function recreate(core: SessionCore): Promise<void> {
  try {
    core.application = await createApplication(
      core.transport,
      core.applicationsUrl,
      core.identity,
      core.cfg.signal,
    );
  } catch (error) {
    if (!invalidatesDiscovery(error)) throw error;
    await core.cfg.records.clearDiscovery();
    const located = await locateApplication(core.cfg, core.identity);
    core.transport = located.transport;
    core.application = located.application;
    core.applicationsUrl = located.applicationsUrl;
    core.userUrl = located.userUrl;
  }
  core.store.clear();
  core.store.seed(core.application);
}

/** Ends the session for good: timers and channel stopped, status `signedOut`. */
export function endSession(core: SessionCore, reason: SignedOutReason): void {
  core.cfg.timers.clearTimeout(core.activityTimer);
  core.activityTimer = undefined;
  for (const dispose of [...core.disposers]) dispose();
  core.disposers.clear();
  const channel = core.channel;
  core.channel = undefined;
  void channel?.stop();
  core.status.set({ state: 'signedOut', reason });
}

async function recoverOnce(
  core: SessionCore,
  reactions: ChannelReactions,
  cursor: EventCursor | undefined,
): Promise<void> {
  const lostHref = core.key(core.application.href);
  let last: unknown;
  for (const delay of RETRY_DELAYS) {
    await wait(core, delay);
    if (core.status.current.state === 'signedOut') return;
    try {
      await recreate(core);
      // The same application and instance back (the server had not really dropped it):
      // continue from where the channel stood, so nothing is delivered twice.
      const same = core.key(core.application.href) === lostHref;
      attachChannel(core, reactions, same ? cursor : undefined);
      await runRestorers(core, 'applicationLost');
      core.status.set({ state: 'ready' });
      return;
    } catch (error) {
      last = error;
      const channel = core.channel;
      core.channel = undefined;
      await channel?.stop();
    }
  }
  endSession(core, { kind: 'failed', error: last });
}

/** The reactions of a session to its channel: recreate, rebuild, or end. */
export function channelReactions(core: SessionCore): ChannelReactions {
  const reactions: ChannelReactions = {
    lost: (error) => recover(core, reactions, { kind: 'applicationLost', error }),
    failed: (error) => recover(core, reactions, { kind: 'channelFailed', error }),
    rebuild: (resumed) => {
      void rebuild(core, resumed);
    },
    end: (reason) => endSession(core, reason),
  };
  return reactions;
}

function recover(core: SessionCore, reactions: ChannelReactions, reason: ReconnectReason): void {
  if (core.recovering !== undefined || core.status.current.state === 'signedOut') return;
  core.status.set({ state: 'reconnecting', reason });
  const old = core.channel;
  core.channel = undefined;
  void old?.stop();
  core.recovering = recoverOnce(core, reactions, old?.cursor).finally(() => {
    core.recovering = undefined;
  });
}

/**
 * After `resync` or `resume` the stored transient state may be wrong: forget it, read the
 * application again, and after `resume` (the server dropped subscriptions and
 * conversations) set up again what the session had set up.
 */
async function rebuild(core: SessionCore, resumed: boolean): Promise<void> {
  for (const listener of [...core.rebuildListeners]) listener(resumed);
  core.store.clear();
  try {
    const fresh = await core.store.read(core.application.href, { fresh: true });
    if (fresh.rel === 'application') core.store.seed(fresh);
    if (resumed) await runRestorers(core, 'resumed');
  } catch {
    // The channel reports a lost application on its own; nothing more to do here.
  }
}
