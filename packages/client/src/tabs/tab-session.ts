import { isResource } from '@ucwa/model';
import { UcwaTabCommandError } from '../errors/tab-command-error.ts';
import { startCore } from '../session/create-session.ts';
import { endSession, runRestorers } from '../session/recovery.ts';
import type { Session } from '../session/session.ts';
import type { SessionCore } from '../session/session-core.ts';
import { sessionOf } from '../session/session-object.ts';
import type { SessionSnapshot } from '../session/snapshot-types.ts';
import { createStatusCell, type SessionStatus } from '../session/status.ts';
import { resolveSignIn } from '../sign-in/sign-in-config.ts';
import type { SignInOptions } from '../sign-in/sign-in-options.ts';
import { rebuildError } from './rebuild-error.ts';
import { relayedEvents } from './relay-events.ts';
import { relayTransport } from './relay-transport.ts';
import type { TabCoordinator } from './tab-coordinator.ts';

async function readApplication(core: SessionCore, href: string): Promise<void> {
  const application = await core.transport.get(href);
  if (!isResource(application, 'application')) throw new TypeError(`${href} is not an application`);
  core.application = application;
  core.store.clear();
  core.store.seed(application);
}

async function restore(core: SessionCore, applicationHref: string): Promise<void> {
  await readApplication(core, applicationHref).catch(() => {});
  await runRestorers(core, 'applicationLost');
  if (core.status.current.state !== 'signedOut') core.status.set({ state: 'ready' });
}

/** This tab's session says what the leader's says (a restore running here ends in `ready`). */
function follow(core: SessionCore, status: SessionStatus): void {
  const now = core.status.current;
  if (now.state === 'signedOut') return;
  if (status.state === 'signedOut') endSession(core, status.reason);
  else if (status.state !== 'ready' || core.recovering === undefined) core.status.set(status);
}

/** The leader's snapshot; the token only from a leader's own session (heartbeats carry none). */
function tabSnapshot(
  coordinator: TabCoordinator,
  first: SessionSnapshot,
  secrets: boolean,
): SessionSnapshot {
  if (!secrets) return coordinator.snapshot ?? first;
  const session = coordinator.role === 'leader' ? coordinator.session : undefined;
  if (session === undefined)
    throw new UcwaTabCommandError(
      'snapshot({ secrets: true }): the token is in the leading tab; use `await tab.snapshot({ secrets: true })`',
      { name: 'UcwaTabSecretsInLeader' },
    );
  return session.snapshot({ secrets: true });
}

/**
 * Signs the leading session out: done once the leader answers, or (from a following tab)
 * once it says every tab is signed out (a leading tab that closes then may not answer).
 */
async function leaderSignOut(coordinator: TabCoordinator): Promise<void> {
  if (coordinator.role === 'leader') {
    // Here, the answer comes once the application is deleted.
    const result = await coordinator.command({ method: 'signOut' });
    if (!result.ok) throw rebuildError(result);
    return;
  }
  let stop = () => {};
  const ended = new Promise<undefined>((resolve) => {
    const listener = (status: SessionStatus) => {
      if (status.state === 'signedOut') resolve(undefined);
    };
    coordinator.statusListeners.add(listener);
    stop = () => coordinator.statusListeners.delete(listener);
  });
  const result = await Promise.race([coordinator.command({ method: 'signOut' }), ended]);
  stop();
  if (result !== undefined && !result.ok) throw rebuildError(result);
}

/**
 * Keeps this tab's session with the leader: after a recreated application it reads the
 * new one and sets up again what it had; its status is the leader's.
 */
function followLeader(coordinator: TabCoordinator, core: SessionCore): void {
  coordinator.restoreListeners.add((restored) => {
    if (core.status.current.state !== 'reconnecting')
      core.status.set({
        state: 'reconnecting',
        reason: { kind: 'applicationLost', error: undefined },
      });
    // Sends made meanwhile wait for this, as after a recovery in the leading tab; a second
    // restore runs after the one under way, and the last one done clears the wait.
    const recovering: Promise<void> = (core.recovering ?? Promise.resolve())
      .catch(() => {})
      .then(() => restore(core, restored.applicationHref))
      .finally(() => {
        if (core.recovering === recovering) core.recovering = undefined;
      });
    core.recovering = recovering;
  });
  const leaderStatus = coordinator.status;
  if (leaderStatus !== undefined && leaderStatus.state !== 'ready') follow(core, leaderStatus);
  coordinator.statusListeners.add((status) => follow(core, status));
}

/**
 * The session of one tab: its own store, subscriptions and helpers, with every request
 * sent by the leading tab (whichever that is now), the events the leader relays and the
 * leader's status. After the leader recreated a lost application, it reads the new one
 * and sets up again what it had set up (availability, presence subscriptions,
 * conversations); after the leader's channel followed `resync` or `resume`, it clears its
 * store and rebuilds as the leader does.
 */
export async function openTabSession(
  coordinator: TabCoordinator,
  options: SignInOptions,
  snapshot: SessionSnapshot,
): Promise<Session> {
  const identity = {
    userAgent: snapshot.userAgent,
    culture: snapshot.culture,
    endpointId: snapshot.endpointId,
    instanceId: snapshot.instanceId,
  };
  const cfg = resolveSignIn({ ...options, application: identity });
  const origin = new URL(snapshot.applicationHref).origin;
  const transport = relayTransport(origin, (command, signal) =>
    coordinator.command(command, signal),
  );
  const application = await transport.get(snapshot.applicationHref);
  if (!isResource(application, 'application'))
    throw new TypeError(`${snapshot.applicationHref} is not an application`);
  const relay = relayedEvents(cfg.timers);
  const relayed = { filter: {}, handler: relay.push };
  coordinator.handlers.add(relayed);
  coordinator.rebuildListeners.add(relay.rebuild);
  const core = startCore({
    cfg,
    identity,
    status: createStatusCell(options.onStatus),
    transport,
    application,
    ...snapshot.discovery,
    fetchEvents: relay.fetchEvents,
    tab: {
      snapshot: (secrets) => tabSnapshot(coordinator, snapshot, secrets),
      signOut: () => leaderSignOut(coordinator),
    },
  });
  // Once this tab's session ends (signed out, detached), the leader's events stop piling up.
  core.disposers.add(() => {
    coordinator.handlers.delete(relayed);
    coordinator.rebuildListeners.delete(relay.rebuild);
  });
  followLeader(coordinator, core);
  return sessionOf(core);
}
