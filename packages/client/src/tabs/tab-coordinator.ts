import { isUcwaAuthError, type Timers } from '@ucwa/transport';
import type { Session } from '../session/session.ts';
import type { SessionSnapshot } from '../session/snapshot-types.ts';
import type { SessionStatus } from '../session/status.ts';
import { CommandRelay } from './command-relay.ts';
import { relayLeader } from './leader-relay.ts';
import { emit, TabListeners, type TabRole } from './tab-listeners.ts';
import type { TabChannel, TabCommand, TabCommandResult, TabMessage } from './tab-messages.ts';
import { isTransientFailure } from './transient-failure.ts';
import { decodeStatus, encodeStatus, sameStatus } from './wire-status.ts';

/** What the coordinator needs; resolved from `joinTabs`' options. */
export interface CoordinatorSettings {
  readonly id: string;
  readonly channel: TabChannel;
  readonly timers: Timers;
  readonly heartbeatMs: number;
  readonly leaderTimeoutMs: number;
  readonly claimMs: number;
  /** Longest a command waits while no tab leads. */
  readonly holdMs: number;
  /** Signs in, or resumes from the last leader's snapshot. */
  readonly open: (snapshot: SessionSnapshot | undefined) => Promise<Session>;
}

/** One tab's side of the election, the event and status relay and the command forwarding. */
export class TabCoordinator extends TabListeners {
  role: TabRole = 'electing';
  /** The session this tab runs while it leads. */
  session: Session | undefined;
  /** Set once `joinTabs` resolved: a failed takeover then ends this tab's session instead. */
  joined = false;
  readonly #s: CoordinatorSettings;
  readonly #commands: CommandRelay;
  #snapshot: SessionSnapshot | undefined;
  #status: SessionStatus | undefined;
  /** The tab whose heartbeats this one follows. */
  #leaderId: string | undefined;
  #lowestClaim: string;
  /** Another tab is signing in to lead: wait for it rather than lead. */
  #yielded = false;
  #opening = false;
  #timer: unknown;
  #closed = false;
  /** The channel is closed: nothing more is posted. */
  #left = false;
  /** The application ended (signed out): no tab leads again. */
  #over = false;

  constructor(settings: CoordinatorSettings) {
    super();
    this.#s = settings;
    this.#lowestClaim = settings.id;
    this.#commands = new CommandRelay(settings.id, (message) => this.#post(message), {
      timers: settings.timers,
      ms: settings.holdMs,
    });
  }

  #post(message: TabMessage): void {
    // A command's answer or an event may come after this tab left.
    if (!this.#left) this.#s.channel.postMessage(message);
  }

  #later(ms: number, fn: () => void): void {
    this.#s.timers.clearTimeout(this.#timer);
    this.#timer = this.#s.timers.setTimeout(fn, ms);
  }

  #setRole(role: TabRole): void {
    this.role = role;
    emit(this.roleListeners, role);
    if (role === 'leader' && this.session !== undefined)
      this.#commands.release({ run: this.session });
    else if (role === 'follower') this.#commands.release('send');
  }

  /** The leader's snapshot: this tab's session's when it leads, else the last heartbeat's. */
  get snapshot(): SessionSnapshot | undefined {
    return (this.role === 'leader' ? this.#current() : undefined) ?? this.#snapshot;
  }

  /** Whether this tab is signing in (or resuming) to lead. */
  get opening(): boolean {
    return this.#opening;
  }

  /** The last status the leader reported, if any. */
  get status(): SessionStatus | undefined {
    return this.#status;
  }

  /**
   * The leading session's snapshot now; `undefined` when it has none (signed out, or
   * recreating a lost application: then the last one stands).
   */
  #current(): SessionSnapshot | undefined {
    const session = this.session;
    if (session === undefined || session.status.state === 'signedOut') return undefined;
    try {
      return session.snapshot();
    } catch {
      return undefined;
    }
  }

  /** Asks to lead; the lowest id among the claims of one window wins. */
  elect(): void {
    if (this.#closed || this.#over) return;
    this.#commands.failPending('UcwaTabLeaderLeft', 'the leading tab went away');
    this.#setRole('electing');
    this.#lowestClaim = this.#s.id;
    this.#yielded = false;
    this.#post({ t: 'claim', id: this.#s.id });
    this.#later(this.#s.claimMs, () => {
      if (this.role !== 'electing') return;
      if (!this.#yielded && this.#lowestClaim === this.#s.id) void this.#tryLead();
      else this.#retry();
    });
  }

  #retry(): void {
    this.#later(this.#s.leaderTimeoutMs, () => this.elect());
  }

  async #tryLead(): Promise<void> {
    this.#opening = true;
    try {
      await this.#lead();
    } catch (error) {
      this.#leadFailed(error);
    } finally {
      this.#opening = false;
    }
  }

  async #lead(): Promise<void> {
    const session = await this.#s.open(this.#snapshot);
    if (this.#closed) {
      // Closed while signing in: hand the application over to whoever comes next.
      await session.detach();
      this.#post({ t: 'bye', id: this.#s.id, snapshot: session.snapshot() });
      return;
    }
    this.session = session;
    relayLeader(session, {
      id: this.#s.id,
      post: (message) => this.#post(message),
      listeners: this,
      apply: (status) => this.#apply(status),
      stepDown: () => this.#stepDown(),
    });
    this.#setRole('leader');
    this.#beat();
  }

  /**
   * Another tab took the event channel over (this one did not beat in time): follow it,
   * waiting for its heartbeat, rather than end the session of every tab.
   */
  #stepDown(): void {
    this.session = undefined;
    this.#setRole('electing');
    this.#retry();
  }

  /**
   * A sign-in that was refused ends this tab's part (no election sends the same password
   * again); one that may work later is tried again by the next election.
   */
  #leadFailed(error: unknown): void {
    emit(this.failureListeners, error);
    if (!this.joined) return;
    if (isTransientFailure(error)) {
      const status: SessionStatus = {
        state: 'reconnecting',
        reason: { kind: 'channelFailed', error },
      };
      this.#apply(status);
      this.#retry();
      return;
    }
    const kind = isUcwaAuthError(error) ? 'authFailed' : 'failed';
    this.#apply({ state: 'signedOut', reason: { kind, error } });
  }

  /** Tells this tab's listeners of a status that differs from the last one. */
  #apply(status: SessionStatus): void {
    if (this.#status !== undefined && sameStatus(this.#status, status)) return;
    this.#status = status;
    emit(this.statusListeners, status);
    if (status.state !== 'signedOut') return;
    // The application ended (or this tab cannot go on): nobody leads again.
    this.#over = true;
    this.#s.timers.clearTimeout(this.#timer);
    this.#commands.failHeld('UcwaTabClosed', 'no tab leads: the session has ended');
  }

  #beat(): void {
    if (this.role !== 'leader' || this.session === undefined || this.#closed) return;
    // Signed out: there is no application left to hand over.
    if (this.session.status.state === 'signedOut') return;
    this.#snapshot = this.#current() ?? this.#snapshot;
    const status = encodeStatus(this.session.status);
    if (this.#snapshot !== undefined)
      this.#post({ t: 'heartbeat', id: this.#s.id, snapshot: this.#snapshot, status });
    this.#later(this.#s.heartbeatMs, () => this.#beat());
  }

  #follow(snapshot: SessionSnapshot): void {
    this.#snapshot = snapshot;
    if (this.role !== 'follower') this.#setRole('follower');
    this.#later(this.#s.leaderTimeoutMs, () => this.elect());
  }

  #leaderLeft(snapshot: SessionSnapshot): void {
    this.#snapshot = snapshot;
    this.#commands.failPending('UcwaTabLeaderLeft', 'the leading tab closed');
    if (this.role !== 'leader') this.elect();
  }

  /** Handles one message of another tab. */
  receive(message: TabMessage): void {
    if (this.#closed) return;
    // Once the session ended, only answers are taken (an ended leader serves no new tabs).
    if (this.#over && message.t !== 'result') return;
    const leading = this.role === 'leader';
    switch (message.t) {
      case 'claim':
        if (leading) this.#beat();
        else if (this.#opening) this.#post({ t: 'claim', id: this.#s.id, opening: true });
        else if (message.opening === true) this.#yielded = true;
        else if (message.id < this.#lowestClaim) this.#lowestClaim = message.id;
        return;
      case 'heartbeat':
        if (leading) return;
        this.#leaderId = message.id;
        this.#follow(message.snapshot);
        this.#apply(decodeStatus(message.status));
        return;
      case 'bye':
        this.#leaderLeft(message.snapshot);
        return;
      case 'event':
        if (!leading) this.deliver(message.event, message.sender);
        return;
      case 'status':
        // Only the leader followed now speaks for the session (not one that was replaced).
        if (!leading && message.id === this.#leaderId) this.#apply(decodeStatus(message.status));
        return;
      case 'rebuild':
        if (!leading) emit(this.rebuildListeners, message.resumed);
        return;
      case 'restore':
        this.#snapshot = message.snapshot;
        if (!leading) emit(this.restoreListeners, message.snapshot);
        return;
      default:
        this.#commands.receive(message, leading ? this.session : undefined);
    }
  }

  /**
   * Runs a command here when leading, else through the leader; while no tab leads, once
   * one does. `signal` aborts it, in the leader too.
   */
  command(command: TabCommand, signal?: AbortSignal): Promise<TabCommandResult> {
    if (this.#closed || this.#over) {
      const message = 'the tabs have signed out, or this tab left';
      return Promise.resolve({ ok: false, name: 'UcwaTabClosed', message });
    }
    const route =
      this.role === 'leader' && this.session !== undefined
        ? { run: this.session }
        : this.role === 'follower'
          ? 'send'
          : 'hold';
    return this.#commands.command(route, command, signal);
  }

  /** Leaves; a leader stops its channel and hands the final cursor over. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#s.timers.clearTimeout(this.#timer);
    this.#commands.failAll('UcwaTabClosed', 'this tab left');
    // Other tabs' commands running here are answered first (a sign-out one, for one).
    await this.#commands.idle();
    const session = this.session;
    // A leader hands over its application, unless it signed out (then there is none).
    if (this.role === 'leader' && session !== undefined && session.status.state !== 'signedOut') {
      await session.detach();
      this.#post({ t: 'bye', id: this.#s.id, snapshot: session.snapshot() });
    }
    this.#left = true;
    this.#s.channel.close();
  }
}
