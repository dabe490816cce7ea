import type { EventFilter, SenderRef } from '@ucwa/events';
import type { UcwaEvent } from '@ucwa/model';
import { systemTimers } from '@ucwa/model';
import type { Timers } from '@ucwa/transport';
import { isUcwaHttpError } from '@ucwa/transport';
import { UcwaTabCommandError } from '../errors/tab-command-error.ts';
import type { Session } from '../session/session.ts';
import type { SessionSnapshot, SnapshotOptions } from '../session/snapshot-types.ts';
import { resumeSession } from '../sign-in/resume-session.ts';
import { signIn } from '../sign-in/sign-in.ts';
import { signInName, startKey } from '../sign-in/sign-in-config.ts';
import type { SignInOptions } from '../sign-in/sign-in-options.ts';
import { rebuildError } from './rebuild-error.ts';
import { TabCoordinator } from './tab-coordinator.ts';
import type { TabRole } from './tab-listeners.ts';
import { isTabMessage } from './tab-message-guard.ts';
import type { TabChannel, TabCommand, TabCommandResult } from './tab-messages.ts';
import { openTabSession } from './tab-session.ts';

export type { TabRole };

/** Options of {@link joinTabs}. */
export interface TabsOptions {
  /** How the leading tab signs in (and, taking over, resumes). */
  readonly signIn: SignInOptions;
  /**
   * The channel all tabs of the user share. Default: a `BroadcastChannel` named after the
   * user (the storage key or sign-in name) and where discovery starts (`discoveryUrl` or
   * `domain`), so two users, or one user at two servers, signed in in tabs of one origin
   * never share an application.
   */
  readonly channel?: TabChannel;
  /** Milliseconds between the leader's heartbeats. Default 1,000. */
  readonly heartbeatInterval?: number;
  /** Milliseconds without a heartbeat after which the followers elect a new leader. Default 3,000. */
  readonly leaderTimeout?: number;
  /** Milliseconds a tab waits for lower claims before it leads. Default 200. */
  readonly claimWindow?: number;
  /**
   * Milliseconds `joinTabs` waits for a tab to lead (this one signing in is not counted:
   * its sign-in settles it) before it rejects with `UcwaTabCommandError` `UcwaTabNoLeader`;
   * also the longest a call of a joined tab waits while no tab leads (it then fails the
   * same way). Default 60,000.
   */
  readonly joinTimeout?: number;
  readonly timers?: Timers;
  readonly randomId?: () => string;
}

/** One tab of a user's tabs sharing one application and one event channel. */
export interface Tab {
  readonly id: string;
  readonly role: TabRole;
  /**
   * This tab's session: its helpers (`messaging`, `presence`, ...), store and subscriptions
   * work in every tab; its requests are sent by the leading tab, whichever that is now
   * (`batch` and abort signals included), its events are the ones the leader relays, and
   * its `status` is the leader's session's. `signOut()` signs the leading tab out (the
   * application ends for every tab, and every tab's session is `signedOut`).
   * `snapshot({ secrets: true })` works in the leading tab only; use {@link Tab.snapshot}.
   */
  readonly session: Session;
  onRole(listener: (role: TabRole) => void): () => void;
  /** The shared channel's events, in this tab, whichever tab leads. */
  on(filter: EventFilter, handler: (event: UcwaEvent, sender: SenderRef) => void): () => void;
  /** A request sent by the leading tab's transport; `signal` aborts it there too. */
  command(
    command: TabCommand,
    options?: { readonly signal?: AbortSignal },
  ): Promise<TabCommandResult>;
  /**
   * The leading session's snapshot, asked of the leader: with `{ secrets: true }`, with
   * its access token (heartbeats never carry the token, so a following tab must ask).
   */
  snapshot(options?: SnapshotOptions): Promise<SessionSnapshot>;
  /** Leaves: a leader hands its application over (it is not deleted). */
  close(): Promise<void>;
}

/** The default channel name: one per user and server (where discovery starts). */
function channelName(o: SignInOptions): string {
  const user = o.storageKey ?? signInName(o) ?? '';
  return `ucwa-tabs:${user.toLowerCase()}|${startKey(o)}`;
}

/**
 * Resolves once the tab leads or follows; rejects with the error of this tab's sign-in
 * when it could not lead, or when no tab led within `timeout` while this one waited.
 */
function settled(coordinator: TabCoordinator, timers: Timers, timeout: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      timers.clearTimeout(timer);
      coordinator.roleListeners.delete(listener);
      coordinator.failureListeners.delete(failed);
    };
    const listener = (role: TabRole): void => {
      if (role === 'electing') return;
      done();
      resolve();
    };
    const failed = (error: unknown): void => {
      done();
      reject(error);
    };
    const timer = timers.setTimeout(() => {
      if (coordinator.opening) return;
      failed(
        new UcwaTabCommandError(`no tab of this user led within ${timeout} ms`, {
          name: 'UcwaTabNoLeader',
        }),
      );
    }, timeout);
    coordinator.roleListeners.add(listener);
    coordinator.failureListeners.add(failed);
  });
}

/** The leader's snapshot, asked of it (with the token when `secrets`). */
async function leaderSnapshot(
  coordinator: TabCoordinator,
  options: SnapshotOptions | undefined,
): Promise<SessionSnapshot> {
  if (options?.secrets !== true) {
    const snapshot = coordinator.snapshot;
    if (snapshot !== undefined) return snapshot;
  }
  const result = await coordinator.command({ method: 'snapshot' });
  if (!result.ok) throw rebuildError(result);
  if (result.snapshot === undefined)
    throw new UcwaTabCommandError('the leading tab sent no snapshot', {
      name: 'UcwaTabCommandError',
    });
  return result.snapshot;
}

/** The public face of one joined tab. */
function tabOf(id: string, coordinator: TabCoordinator, session: Session): Tab {
  return {
    id,
    get role() {
      return coordinator.role;
    },
    session,
    onRole: (listener) => {
      coordinator.roleListeners.add(listener);
      return () => coordinator.roleListeners.delete(listener);
    },
    on: (filter, handler) => {
      const entry = { filter, handler };
      coordinator.handlers.add(entry);
      return () => coordinator.handlers.delete(entry);
    },
    command: (command, o) => coordinator.command(command, o?.signal),
    snapshot: (o) => leaderSnapshot(coordinator, o),
    close: async () => {
      await session.detach();
      await coordinator.close();
    },
  };
}

/** The next application the leader announces it recreated, within `ms`. */
function nextRestore(
  coordinator: TabCoordinator,
  timers: Timers,
  ms: number,
): Promise<SessionSnapshot> {
  return new Promise((resolve, reject) => {
    const restored = (snapshot: SessionSnapshot): void => {
      timers.clearTimeout(timer);
      coordinator.restoreListeners.delete(restored);
      resolve(snapshot);
    };
    const timer = timers.setTimeout(() => {
      coordinator.restoreListeners.delete(restored);
      const message = `the leading tab set no application up again within ${ms} ms`;
      reject(new UcwaTabCommandError(message, { name: 'UcwaTabNoLeader' }));
    }, ms);
    coordinator.restoreListeners.add(restored);
  });
}

/**
 * This tab's session on the leader's application. A tab that joins while the leader is
 * recreating a lost one (its last snapshot names an application the server no longer
 * has) opens on the one the leader announces next.
 */
async function openJoined(
  coordinator: TabCoordinator,
  options: SignInOptions,
  timers: Timers,
  ms: number,
): Promise<Session> {
  const snapshot = coordinator.snapshot;
  if (snapshot === undefined) throw new TypeError('joinTabs: no tab leads with an application');
  try {
    return await openTabSession(coordinator, options, snapshot);
  } catch (error) {
    const gone = isUcwaHttpError(error) && error.status === 404;
    if (!gone || coordinator.role === 'leader') throw error;
    // The restore may have been announced while the read was under way.
    const now = coordinator.snapshot;
    const again =
      now !== undefined && now.applicationHref !== snapshot.applicationHref
        ? now
        : await nextRestore(coordinator, timers, ms);
    return openTabSession(coordinator, options, again);
  }
}

/**
 * Joins the tabs of one origin signed in as one user (MultiTabSupport.md): one tab leads
 * over the `BroadcastChannel` (it signs in, or resumes the application the previous leader
 * left), the others receive its events and send their commands through it, and another
 * tab takes over when the leader closes or stops beating. Every tab has a session whose
 * helpers work through the leader.
 *
 * @example
 * ```ts
 * const tab = await joinTabs({ signIn: { domain: 'contoso.com', credentials, application } });
 * tab.session.messaging.onMessage((message) => render(message.text));
 * ```
 */
export async function joinTabs(options: TabsOptions): Promise<Tab> {
  const channel: TabChannel = options.channel ?? new BroadcastChannel(channelName(options.signIn));
  const id = (options.randomId ?? (() => crypto.randomUUID()))();
  const timers = options.timers ?? systemTimers;
  // The tab's session reports the status; the leading session would report it twice.
  const { onStatus: _, ...leading } = options.signIn;
  const coordinator = new TabCoordinator({
    id,
    channel,
    timers,
    heartbeatMs: options.heartbeatInterval ?? 1_000,
    leaderTimeoutMs: options.leaderTimeout ?? 3_000,
    claimMs: options.claimWindow ?? 200,
    holdMs: options.joinTimeout ?? 60_000,
    open: (snapshot) =>
      snapshot === undefined ? signIn(leading) : resumeSession(snapshot, leading),
  });
  channel.addEventListener('message', ({ data }: MessageEvent) => {
    if (isTabMessage(data)) coordinator.receive(data);
  });
  let session: Session;
  try {
    const ready = settled(coordinator, timers, options.joinTimeout ?? 60_000);
    coordinator.elect();
    await ready;
    session = await openJoined(coordinator, options.signIn, timers, options.joinTimeout ?? 60_000);
    coordinator.joined = true;
  } catch (error) {
    await coordinator.close();
    throw error;
  }
  return tabOf(id, coordinator, session);
}
