import type { EventFilter, SenderRef } from '@ucwa/events';
import type { UcwaEvent } from '@ucwa/model';
import type { Timers } from '@ucwa/transport';
import type { Session } from '../session/session.ts';
import { resumeSession } from '../sign-in/resume-session.ts';
import { signIn } from '../sign-in/sign-in.ts';
import type { SignInOptions } from '../sign-in/sign-in-options.ts';
import { TabCoordinator, type TabRole } from './tab-coordinator.ts';
import {
  isTabMessage,
  type TabChannel,
  type TabCommand,
  type TabCommandResult,
} from './tab-messages.ts';
import { openTabSession } from './tab-session.ts';

export type { TabRole };

/** Options of {@link joinTabs}. */
export interface TabsOptions {
  /** How the leading tab signs in (and, taking over, resumes). */
  readonly signIn: SignInOptions;
  /**
   * The channel all tabs of the user share. Default: a `BroadcastChannel` named after the
   * user (`ucwa-tabs:` and the storage key, sign-in name or domain), so two users signed in
   * in tabs of one origin never share an application.
   */
  readonly channel?: TabChannel;
  /** Milliseconds between the leader's heartbeats. Default 1,000. */
  readonly heartbeatInterval?: number;
  /** Milliseconds without a heartbeat after which the followers elect a new leader. Default 3,000. */
  readonly leaderTimeout?: number;
  /** Milliseconds a tab waits for lower claims before it leads. Default 200. */
  readonly claimWindow?: number;
  readonly timers?: Timers;
  readonly randomId?: () => string;
}

/** One tab of a user's tabs sharing one application and one event channel. */
export interface Tab {
  readonly id: string;
  readonly role: TabRole;
  /**
   * This tab's session: its helpers (`messaging`, `presence`, ...), store and subscriptions
   * work in every tab; its requests are sent by the leading tab, whichever that is now,
   * and its events are the ones the leader relays. `batch` runs in the leading tab only.
   * `signOut()` signs the leading tab out (the application ends for every tab).
   */
  readonly session: Session;
  onRole(listener: (role: TabRole) => void): () => void;
  /** The shared channel's events, in this tab, whichever tab leads. */
  on(filter: EventFilter, handler: (event: UcwaEvent, sender: SenderRef) => void): () => void;
  /** A request sent by the leading tab's transport. */
  command(command: TabCommand): Promise<TabCommandResult>;
  /** Leaves: a leader hands its application over (it is not deleted). */
  close(): Promise<void>;
}

const globalTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The default channel name: one per user. */
function channelName(o: SignInOptions): string {
  const credentials = Array.isArray(o.credentials) ? o.credentials[0] : o.credentials;
  const name =
    credentials !== undefined && 'username' in credentials ? credentials.username : undefined;
  return `ucwa-tabs:${(o.storageKey ?? name ?? o.domain ?? o.discoveryUrl ?? '').toLowerCase()}`;
}

/** Resolves once the tab leads or follows. */
function settled(coordinator: TabCoordinator): Promise<void> {
  return new Promise((resolve) => {
    const listener = (role: TabRole): void => {
      if (role === 'electing') return;
      coordinator.roleListeners.delete(listener);
      resolve();
    };
    coordinator.roleListeners.add(listener);
  });
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
  const coordinator = new TabCoordinator({
    id,
    channel,
    timers: options.timers ?? globalTimers,
    heartbeatMs: options.heartbeatInterval ?? 1_000,
    leaderTimeoutMs: options.leaderTimeout ?? 3_000,
    claimMs: options.claimWindow ?? 200,
    open: (snapshot) =>
      snapshot === undefined ? signIn(options.signIn) : resumeSession(snapshot, options.signIn),
  });
  channel.addEventListener('message', ({ data }: MessageEvent) => {
    if (isTabMessage(data)) coordinator.receive(data);
  });
  const ready = settled(coordinator);
  coordinator.elect();
  await ready;
  const snapshot = coordinator.snapshot;
  if (snapshot === undefined) throw new TypeError('joinTabs: no tab leads with an application');
  const session = await openTabSession(coordinator, options.signIn, snapshot);
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
    command: (command) => coordinator.command(command),
    close: async () => {
      await session.detach();
      await coordinator.close();
    },
  };
}
