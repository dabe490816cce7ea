import type { Timers } from '@ucwa/transport';
import type { Session } from '../session/session.ts';
import { runCommand } from './run-command.ts';
import type { TabCommand, TabCommandResult, TabMessage } from './tab-messages.ts';
import { encodeError } from './wire-error.ts';

type Resolve = (result: TabCommandResult | Promise<TabCommandResult>) => void;

type Held = {
  command: TabCommand;
  signal: AbortSignal | undefined;
  resolve: Resolve;
  timer: unknown;
};

/** How long a command waits for a tab to lead before it fails (`UcwaTabNoLeader`). */
export interface HoldLimit {
  readonly timers: Timers;
  readonly ms: number;
}

/** Where a command goes now: run here (this tab leads), sent to the leader, or held. */
export type CommandRoute = { readonly run: Session } | 'send' | 'hold';

/**
 * The commands of one tab: sent to the leader with a sequence number and answered by
 * it; held while no tab leads; cancelled there when the caller aborts. In the leading
 * tab, it runs the other tabs' commands and aborts those their callers cancelled.
 */
export class CommandRelay {
  readonly #id: string;
  readonly #post: (message: TabMessage) => void;
  readonly #pending = new Map<number, Resolve>();
  readonly #limit: HoldLimit;
  #held: Held[] = [];
  /** Commands of other tabs running here, by `from:seq`. */
  readonly #running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  #seq = 0;

  constructor(id: string, post: (message: TabMessage) => void, limit: HoldLimit) {
    this.#id = id;
    this.#post = post;
    this.#limit = limit;
  }

  /** Sends (or runs, or holds) `command`; an aborted `signal` rejects with its reason. */
  command(
    route: CommandRoute,
    command: TabCommand,
    signal?: AbortSignal,
  ): Promise<TabCommandResult> {
    if (signal?.aborted === true) return Promise.reject(signal.reason);
    const result =
      typeof route === 'object'
        ? runCommand(route.run, command, signal)
        : new Promise<TabCommandResult>((resolve) => {
            if (route === 'hold') this.#hold(command, signal, resolve);
            else this.#send(command, signal, resolve);
          });
    if (signal === undefined) return result;
    return new Promise((resolve, reject) => {
      const aborted = () => reject(signal.reason);
      signal.addEventListener('abort', aborted, { once: true });
      result.then(resolve, reject).finally(() => signal.removeEventListener('abort', aborted));
    });
  }

  /** Keeps `command` for the next leader, failing it when none comes within the limit. */
  #hold(command: TabCommand, signal: AbortSignal | undefined, resolve: Resolve): void {
    const { timers, ms } = this.#limit;
    const held: Held = { command, signal, resolve, timer: undefined };
    held.timer = timers.setTimeout(() => {
      this.#held = this.#held.filter((h) => h !== held);
      const message = `no tab led within ${ms} ms`;
      resolve({ ok: false, name: 'UcwaTabNoLeader', message, status: undefined });
    }, ms);
    this.#held.push(held);
  }

  /** Takes the held commands out, their time limits cleared. */
  #takeHeld(): Held[] {
    const held = this.#held;
    this.#held = [];
    for (const h of held) this.#limit.timers.clearTimeout(h.timer);
    return held;
  }

  #send(command: TabCommand, signal: AbortSignal | undefined, resolve: Resolve): void {
    const seq = this.#seq++;
    const from = this.#id;
    const onAbort = (): void => {
      if (!this.#pending.delete(seq)) return;
      this.#post({ t: 'cancel', from, seq });
      resolve({ ok: false, ...encodeError(signal?.reason) });
    };
    // The listener goes with the answer: a signal kept for many calls gathers none.
    this.#pending.set(seq, (result) => {
      signal?.removeEventListener('abort', onAbort);
      resolve(result);
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    this.#post({ t: 'command', from, seq, command });
  }

  /** A tab leads now: held commands go to it (or run here). */
  release(route: Exclude<CommandRoute, 'hold'>): void {
    for (const held of this.#takeHeld()) {
      if (held.signal?.aborted === true)
        held.resolve({ ok: false, ...encodeError(held.signal.reason) });
      else if (typeof route === 'object')
        held.resolve(runCommand(route.run, held.command, held.signal));
      else this.#send(held.command, held.signal, held.resolve);
    }
  }

  /**
   * Another tab's command or cancel (run here when this tab leads with `leading`), or the
   * leader's answer to one of this tab's commands.
   */
  receive(
    message: TabMessage & { t: 'command' | 'cancel' | 'result' },
    leading: Session | undefined,
  ): void {
    if (message.t === 'command') {
      if (leading !== undefined) this.#run(leading, message.from, message.seq, message.command);
    } else if (message.t === 'cancel') {
      if (leading !== undefined) this.#cancel(message.from, message.seq);
    } else if (message.to === this.#id) {
      this.#pending.get(message.seq)?.(message.result);
      this.#pending.delete(message.seq);
    }
  }

  /** Commands sent to a leader that will not answer fail (they may have run, or not). */
  failPending(name: string, message: string): void {
    for (const resolve of this.#pending.values())
      resolve({ ok: false, name, message, status: undefined, fields: { remoteName: name } });
    this.#pending.clear();
  }

  /** No tab will lead again: what is held for the next leader fails. */
  failHeld(name: string, message: string): void {
    for (const held of this.#takeHeld())
      held.resolve({ ok: false, name, message, status: undefined });
  }

  /** This tab leaves: nothing it sent or holds will be answered. */
  failAll(name: string, message: string): void {
    this.failPending(name, message);
    this.failHeld(name, message);
  }

  /** Leading: runs another tab's command and posts the result to it. */
  #run(session: Session, from: string, seq: number, command: TabCommand): void {
    const key = `${from}:${seq}`;
    const controller = new AbortController();
    const done = runCommand(session, command, controller.signal).then((result) => {
      this.#running.delete(key);
      if (!controller.signal.aborted) this.#post({ t: 'result', to: from, seq, result });
    });
    this.#running.set(key, { controller, done });
  }

  /** Leading: resolves once the other tabs' commands running here have been answered. */
  async idle(): Promise<void> {
    await Promise.all([...this.#running.values()].map((r) => r.done));
  }

  /** Leading: the caller of `from`'s command `seq` gave up on it. */
  #cancel(from: string, seq: number): void {
    this.#running
      .get(`${from}:${seq}`)
      ?.controller.abort(new DOMException('cancelled by its tab', 'AbortError'));
  }
}
