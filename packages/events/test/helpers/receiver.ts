import type { StopReason } from '../../src/index.ts';
import {
  createEventChannel,
  type EventChannel,
  type EventChannelOptions,
} from '../../src/index.ts';
import { linkHref, messageText, type User } from './users.ts';

/**
 * The receiving side of the exactly-once test: an event channel that records the
 * sequence number of each incoming message, accepts invitations, and, when another
 * P-GET takes its place (409 PGetReplaced), starts a new channel from the cursor the old
 * one stopped at, as an application that wants its channel back would.
 */
export class Receiver {
  readonly received: number[] = [];
  restarts = 0;
  resumes = 0;
  #channel: EventChannel | undefined;
  #failure: StopReason | undefined;
  #waiters: Array<{ count: number; resolve: () => void; reject: (e: Error) => void }> = [];
  #onResumed: Array<() => void> = [];
  #onRestart: Array<() => void> = [];
  readonly #user: User;
  readonly #options: Omit<EventChannelOptions, 'fetchEvents' | 'href' | 'cursor'>;

  constructor(user: User, options: Omit<EventChannelOptions, 'fetchEvents' | 'href' | 'cursor'>) {
    this.#user = user;
    this.#options = options;
  }

  get channel(): EventChannel {
    if (this.#channel === undefined) throw new Error('the receiver has not started');
    return this.#channel;
  }

  start(): void {
    const previous = this.#channel;
    const channel = createEventChannel({
      ...this.#options,
      fetchEvents: this.#user.fetchEvents,
      ...(previous === undefined ? { href: this.#user.eventsHref } : { cursor: previous.cursor }),
    });
    this.#channel = channel;
    channel.on({ rel: 'message' }, (event) => {
      const text = messageText(event);
      if (text === undefined || event.resource?.properties.direction !== 'Incoming') return;
      const match = /^seq (\d+)$/.exec(text);
      if (match === null) throw new Error(`unexpected message text "${text}"`);
      this.received.push(Number(match[1]));
      this.#notify();
    });
    channel.on({ rel: 'messagingInvitation', type: 'started' }, async (event) => {
      const invitation = event.resource ?? (await this.#user.transport.get(event.link.href));
      if (invitation.properties.direction === 'Incoming') {
        await this.#user.transport.post(linkHref(invitation, 'accept'));
      }
    });
    channel.onSignal('resumed', () => {
      this.resumes += 1;
      for (const callback of this.#onResumed.splice(0)) callback();
    });
    void channel.stopped.then((reason) => this.#stopped(channel, reason));
    channel.start();
  }

  /** Resolves once `count` messages arrived; rejects if the channel fails for good. */
  until(count: number): Promise<void> {
    if (this.received.length >= count) return Promise.resolve();
    if (this.#failure !== undefined) return Promise.reject(this.#error(this.#failure));
    return new Promise((resolve, reject) => this.#waiters.push({ count, resolve, reject }));
  }

  /** Resolves at the next `resumed` signal. */
  nextResume(): Promise<void> {
    return new Promise((resolve) => this.#onResumed.push(resolve));
  }

  /** Throws if the channel stopped for good (any reason but being replaced). */
  check(): void {
    if (this.#failure !== undefined) throw this.#error(this.#failure);
  }

  /** Resolves when the channel was next taken back after a 409 PGetReplaced. */
  nextRestart(): Promise<void> {
    return new Promise((resolve) => this.#onRestart.push(resolve));
  }

  async stop(): Promise<void> {
    this.#failure ??= { kind: 'stopped' };
    await this.#channel?.stop();
  }

  #notify(): void {
    const count = this.received.length;
    this.#waiters = this.#waiters.filter((w) => {
      if (count < w.count) return true;
      w.resolve();
      return false;
    });
  }

  #stopped(channel: EventChannel, reason: StopReason): void {
    if (channel !== this.#channel || this.#failure !== undefined) return;
    if (reason.kind === 'replaced') {
      this.restarts += 1;
      this.start();
      for (const callback of this.#onRestart.splice(0)) callback();
      return;
    }
    this.#failure = reason;
    for (const w of this.#waiters.splice(0)) w.reject(this.#error(reason));
  }

  #error(reason: StopReason): Error {
    const cause = 'error' in reason ? reason.error : undefined;
    return new Error(`the receiving channel stopped: ${reason.kind}`, { cause });
  }
}
