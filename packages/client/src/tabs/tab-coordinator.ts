import type { EventFilter, SenderRef } from '@ucwa/events';
import type { UcwaEvent } from '@ucwa/model';
import type { Timers } from '@ucwa/transport';
import type { Session } from '../session/session.ts';
import type { SessionSnapshot } from '../session/snapshot-types.ts';
import { runCommand } from './run-command.ts';
import type { TabChannel, TabCommand, TabCommandResult, TabMessage } from './tab-messages.ts';

/** A tab's part: leading (it runs the session) or following (it uses the leader's). */
export type TabRole = 'electing' | 'leader' | 'follower';

/** What the coordinator needs; resolved from `joinTabs`' options. */
export interface CoordinatorSettings {
  readonly id: string;
  readonly channel: TabChannel;
  readonly timers: Timers;
  readonly heartbeatMs: number;
  readonly leaderTimeoutMs: number;
  readonly claimMs: number;
  /** Signs in, or resumes from the last leader's snapshot. */
  readonly open: (snapshot: SessionSnapshot | undefined) => Promise<Session>;
}

type Handler = { filter: EventFilter; handler: (event: UcwaEvent, sender: SenderRef) => void };

function matches(filter: EventFilter, event: UcwaEvent, sender: SenderRef): boolean {
  return (
    (filter.rel === undefined || filter.rel === event.link.rel) &&
    (filter.sender === undefined || filter.sender === sender.rel) &&
    (filter.type === undefined || filter.type === event.type)
  );
}

/** One tab's side of the election, the event relay and the command forwarding. */
export class TabCoordinator {
  role: TabRole = 'electing';
  session: Session | undefined;
  readonly handlers = new Set<Handler>();
  readonly roleListeners = new Set<(role: TabRole) => void>();
  /** Told when the leader recreated a lost application, with its snapshot. */
  readonly restoreListeners = new Set<(snapshot: SessionSnapshot) => void>();
  readonly #s: CoordinatorSettings;
  readonly #pending = new Map<number, (result: TabCommandResult) => void>();
  /** Commands made while no tab leads, sent once one does. */
  #queued: {
    command: TabCommand;
    resolve: (result: TabCommandResult | Promise<TabCommandResult>) => void;
  }[] = [];
  #snapshot: SessionSnapshot | undefined;
  #lowestClaim: string;
  #timer: unknown;
  #seq = 0;
  #closed = false;

  constructor(settings: CoordinatorSettings) {
    this.#s = settings;
    this.#lowestClaim = settings.id;
  }

  #post(message: TabMessage): void {
    this.#s.channel.postMessage(message);
  }

  #later(ms: number, fn: () => void): void {
    this.#s.timers.clearTimeout(this.#timer);
    this.#timer = this.#s.timers.setTimeout(fn, ms);
  }

  #setRole(role: TabRole): void {
    this.role = role;
    for (const listener of [...this.roleListeners]) listener(role);
    if (role !== 'electing')
      for (const q of this.#queued.splice(0)) q.resolve(this.#send(q.command));
  }

  /** The leader's snapshot: this tab's session's when it leads, else the last heartbeat's. */
  get snapshot(): SessionSnapshot | undefined {
    return this.snapshotOf(false);
  }

  /** {@link snapshot}, with the token when asked and this tab leads (heartbeats carry none). */
  snapshotOf(secrets: boolean): SessionSnapshot | undefined {
    return (this.role === 'leader' ? this.#current(secrets) : undefined) ?? this.#snapshot;
  }

  /**
   * The leading session's snapshot now; `undefined` when it has none (signed out, or
   * recreating a lost application: then the last one stands).
   */
  #current(secrets: boolean): SessionSnapshot | undefined {
    const session = this.session;
    if (session === undefined || session.status.state === 'signedOut') return undefined;
    try {
      return session.snapshot({ secrets });
    } catch {
      return undefined;
    }
  }

  deliver(event: UcwaEvent, sender: SenderRef): void {
    for (const h of [...this.handlers])
      if (matches(h.filter, event, sender)) h.handler(event, sender);
  }

  /** Asks to lead; the lowest id among the claims of one window wins. */
  elect(): void {
    if (this.#closed) return;
    this.#failPending('UcwaTabLeaderLeft', 'the leading tab went away');
    this.#setRole('electing');
    this.#lowestClaim = this.#s.id;
    this.#post({ t: 'claim', id: this.#s.id });
    this.#later(this.#s.claimMs, () => {
      if (this.role !== 'electing') return;
      // A failed sign-in is tried again by the next election.
      if (this.#lowestClaim === this.#s.id) this.#lead().catch(() => this.#retry());
      else this.#retry();
    });
  }

  #retry(): void {
    this.#later(this.#s.leaderTimeoutMs, () => this.elect());
  }

  async #lead(): Promise<void> {
    const session = await this.#s.open(this.#snapshot);
    this.session = session;
    session.on({}, (event, sender) => {
      this.#post({ t: 'event', event, sender });
      this.deliver(event, sender);
    });
    this.#announceRestores(session);
    this.#setRole('leader');
    this.#beat();
  }

  /** After the session recreated a lost application, every tab sets its state up again. */
  #announceRestores(session: Session): void {
    let lost = false;
    session.onStatus((status) => {
      if (status.state === 'reconnecting' && status.reason.kind === 'applicationLost') lost = true;
      if (status.state !== 'ready' || !lost) return;
      lost = false;
      const snapshot = session.snapshot();
      this.#post({ t: 'restore', snapshot });
      for (const listener of [...this.restoreListeners]) listener(snapshot);
    });
  }

  #beat(): void {
    if (this.role !== 'leader' || this.session === undefined || this.#closed) return;
    // Signed out: there is no application left to hand over.
    if (this.session.status.state === 'signedOut') return;
    this.#snapshot = this.#current(false) ?? this.#snapshot;
    if (this.#snapshot !== undefined)
      this.#post({ t: 'heartbeat', id: this.#s.id, snapshot: this.#snapshot });
    this.#later(this.#s.heartbeatMs, () => this.#beat());
  }

  #follow(snapshot: SessionSnapshot): void {
    this.#snapshot = snapshot;
    if (this.role !== 'follower') this.#setRole('follower');
    this.#later(this.#s.leaderTimeoutMs, () => this.elect());
  }

  /** Commands sent to a leader that will not answer them fail (they may have run, or not). */
  #failPending(name: string, message: string): void {
    for (const resolve of this.#pending.values())
      resolve({ ok: false, name, message, status: undefined });
    this.#pending.clear();
  }

  #leaderLeft(snapshot: SessionSnapshot): void {
    this.#snapshot = snapshot;
    this.#failPending('UcwaTabLeaderLeft', 'the leading tab closed');
    if (this.role !== 'leader') this.elect();
  }

  /** Handles one message of another tab. */
  receive(message: TabMessage): void {
    if (this.#closed) return;
    const leading = this.role === 'leader';
    if (message.t === 'claim') {
      if (leading) this.#beat();
      else if (message.id < this.#lowestClaim) this.#lowestClaim = message.id;
    } else if (message.t === 'heartbeat') {
      if (!leading) this.#follow(message.snapshot);
    } else if (message.t === 'bye') {
      this.#leaderLeft(message.snapshot);
    } else if (message.t === 'event') {
      if (!leading) this.deliver(message.event, message.sender);
    } else if (message.t === 'restore') {
      this.#snapshot = message.snapshot;
      if (!leading) for (const listener of [...this.restoreListeners]) listener(message.snapshot);
    } else if (message.t === 'command') {
      if (leading && this.session !== undefined) {
        const { from, seq } = message;
        void runCommand(this.session, message.command).then((result) =>
          this.#post({ t: 'result', to: from, seq, result }),
        );
      }
    } else if (message.to === this.#s.id) {
      this.#pending.get(message.seq)?.(message.result);
      this.#pending.delete(message.seq);
    }
  }

  /**
   * Runs a command here when leading, else through the leader; while no tab leads, once
   * one does.
   */
  command(command: TabCommand): Promise<TabCommandResult> {
    if (this.role !== 'electing') return this.#send(command);
    return new Promise((resolve) => this.#queued.push({ command, resolve }));
  }

  #send(command: TabCommand): Promise<TabCommandResult> {
    if (this.role === 'leader' && this.session !== undefined)
      return runCommand(this.session, command);
    const seq = this.#seq++;
    return new Promise((resolve) => {
      this.#pending.set(seq, resolve);
      this.#post({ t: 'command', from: this.#s.id, seq, command });
    });
  }

  /** Leaves; a leader stops its channel and hands the final cursor over. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#s.timers.clearTimeout(this.#timer);
    const session = this.session;
    // A leader hands over its application, unless it signed out (then there is none).
    if (this.role === 'leader' && session !== undefined && session.status.state !== 'signedOut') {
      await session.detach();
      this.#post({ t: 'bye', id: this.#s.id, snapshot: session.snapshot() });
    }
    this.#s.channel.close();
  }
}
