import type { EventFilter, SenderRef } from '@ucwa/events';
import type { UcwaEvent } from '@ucwa/model';
import type { Timers } from '@ucwa/transport';
import type { Session } from '../session/session.ts';
import type { SessionSnapshot } from '../session/snapshot-types.ts';
import { resumeSession } from '../sign-in/resume-session.ts';
import { signIn } from '../sign-in/sign-in.ts';
import type { SignInOptions } from '../sign-in/sign-in-options.ts';
import { runCommand } from './run-command.ts';
import {
  isTabMessage,
  type TabChannel,
  type TabCommand,
  type TabCommandResult,
  type TabMessage,
} from './tab-messages.ts';

/** Options of {@link joinTabs}. */
export interface TabsOptions {
  /** How the leading tab signs in (and, taking over, resumes). */
  readonly signIn: SignInOptions;
  /** The channel all tabs of the user share. Default `new BroadcastChannel('ucwa-tabs')`. */
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

/** A tab's part: leading (it runs the session) or following (it uses the leader's). */
export type TabRole = 'electing' | 'leader' | 'follower';

/** One tab of a user's tabs sharing one application and one event channel. */
export interface Tab {
  readonly id: string;
  readonly role: TabRole;
  /** The session, in the leading tab only. */
  readonly session: Session | undefined;
  onRole(listener: (role: TabRole) => void): () => void;
  /** The shared channel's events, in this tab, whichever tab leads. */
  on(filter: EventFilter, handler: (event: UcwaEvent, sender: SenderRef) => void): () => void;
  /** A GET, POST or DELETE sent by the leading tab's transport. */
  command(command: TabCommand): Promise<TabCommandResult>;
  /** Leaves: a leader hands its application over (it is not deleted). */
  close(): Promise<void>;
}

const globalTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

function matches(filter: EventFilter, event: UcwaEvent, sender: SenderRef): boolean {
  return (
    (filter.rel === undefined || filter.rel === event.link.rel) &&
    (filter.sender === undefined || filter.sender === sender.rel) &&
    (filter.type === undefined || filter.type === event.type)
  );
}

/**
 * Joins the tabs of one origin signed in as one user (MultiTabSupport.md): one tab leads
 * over the `BroadcastChannel` (it signs in, or resumes the application the previous leader
 * left), the others receive its events and send their commands through it, and another
 * tab takes over when the leader closes or stops beating.
 *
 * @example
 * ```ts
 * const tab = await joinTabs({ signIn: { domain: 'contoso.com', credentials, application } });
 * tab.on({ rel: 'message' }, (event) => render(event));
 * ```
 */
export async function joinTabs(options: TabsOptions): Promise<Tab> {
  const timers = options.timers ?? globalTimers;
  const id = (options.randomId ?? (() => crypto.randomUUID()))();
  const channel: TabChannel = options.channel ?? new BroadcastChannel('ucwa-tabs');
  const heartbeatMs = options.heartbeatInterval ?? 1_000;
  const leaderTimeoutMs = options.leaderTimeout ?? 3_000;
  const claimMs = options.claimWindow ?? 200;
  const handlers = new Set<{
    filter: EventFilter;
    handler: (e: UcwaEvent, s: SenderRef) => void;
  }>();
  const roleListeners = new Set<(role: TabRole) => void>();
  const pending = new Map<number, (result: TabCommandResult) => void>();
  let role: TabRole = 'electing';
  let session: Session | undefined;
  let snapshot: SessionSnapshot | undefined;
  let lowestClaim = id;
  let timer: unknown;
  let seq = 0;
  let closed = false;
  let firstRole: (() => void) | undefined;
  const settled = new Promise<void>((resolve) => {
    firstRole = resolve;
  });

  const post = (message: TabMessage): void => channel.postMessage(message);
  const deliver = (event: UcwaEvent, sender: SenderRef): void => {
    for (const h of [...handlers]) if (matches(h.filter, event, sender)) h.handler(event, sender);
  };
  const setRole = (next: TabRole): void => {
    role = next;
    if (next !== 'electing') firstRole?.();
    for (const listener of [...roleListeners]) listener(next);
  };
  const later = (ms: number, fn: () => void): void => {
    timers.clearTimeout(timer);
    timer = timers.setTimeout(fn, ms);
  };

  const beat = (): void => {
    if (role !== 'leader' || session === undefined || closed) return;
    snapshot = session.snapshot();
    post({ t: 'heartbeat', id, snapshot });
    later(heartbeatMs, beat);
  };
  const lead = async (): Promise<void> => {
    const opened =
      snapshot === undefined
        ? await signIn(options.signIn)
        : await resumeSession(snapshot, options.signIn);
    session = opened;
    opened.on({}, (event, sender) => {
      post({ t: 'event', event, sender });
      deliver(event, sender);
    });
    setRole('leader');
    beat();
  };
  const elect = (): void => {
    if (closed) return;
    setRole('electing');
    lowestClaim = id;
    post({ t: 'claim', id });
    later(claimMs, () => {
      if (role !== 'electing') return;
      // A failed sign-in is tried again by the next election.
      if (lowestClaim === id) lead().catch(() => later(leaderTimeoutMs, elect));
      else later(leaderTimeoutMs, elect);
    });
  };
  const follow = (message: { id: string; snapshot: SessionSnapshot }): void => {
    snapshot = message.snapshot;
    if (role !== 'follower') setRole('follower');
    later(leaderTimeoutMs, elect);
  };

  channel.addEventListener('message', ({ data }: MessageEvent) => {
    if (closed || !isTabMessage(data)) return;
    switch (data.t) {
      case 'claim':
        if (role === 'leader') beat();
        else if (data.id < lowestClaim) lowestClaim = data.id;
        break;
      case 'heartbeat':
        if (role !== 'leader') follow(data);
        break;
      case 'bye':
        snapshot = data.snapshot;
        for (const resolve of pending.values()) {
          resolve({
            ok: false,
            name: 'UcwaTabLeaderLeft',
            message: 'the leading tab closed',
            status: undefined,
          });
        }
        pending.clear();
        if (role !== 'leader') elect();
        break;
      case 'event':
        if (role !== 'leader') deliver(data.event, data.sender);
        break;
      case 'command':
        if (role === 'leader' && session !== undefined) {
          const { from, seq: n } = data;
          void runCommand(session, data.command).then((result) =>
            post({ t: 'result', to: from, seq: n, result }),
          );
        }
        break;
      case 'result':
        if (data.to === id) {
          pending.get(data.seq)?.(data.result);
          pending.delete(data.seq);
        }
        break;
    }
  });

  elect();
  await settled;
  return {
    id,
    get role() {
      return role;
    },
    get session() {
      return session;
    },
    onRole: (listener) => {
      roleListeners.add(listener);
      return () => roleListeners.delete(listener);
    },
    on: (filter, handler) => {
      const entry = { filter, handler };
      handlers.add(entry);
      return () => handlers.delete(entry);
    },
    command: (command) => {
      if (role === 'leader' && session !== undefined) return runCommand(session, command);
      const n = seq++;
      return new Promise((resolve) => {
        pending.set(n, resolve);
        post({ t: 'command', from: id, seq: n, command });
      });
    },
    close: async () => {
      if (closed) return;
      closed = true;
      timers.clearTimeout(timer);
      // A leader hands over its application, unless it signed out (then there is none).
      if (role === 'leader' && session !== undefined && session.status.state !== 'signedOut') {
        await session.detach();
        post({ t: 'bye', id, snapshot: session.snapshot() });
      }
      channel.close();
    },
  };
}
