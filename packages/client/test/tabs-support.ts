import type { RunningEmulator } from '@ucwa/emulator';
import type { FetchLike, Timers } from '@ucwa/transport';
import type { SignInOptions, Tab, TabRole, TabsOptions } from '../src/index.ts';

/** Timers that run only when the test moves them, for the tabs' election and heartbeats. */
export function manualTimers(): {
  timers: Timers;
  advance: (ms: number) => void;
  pending: () => number;
} {
  let now = 0;
  let next = 0;
  const due = new Map<number, { at: number; run: () => void }>();
  return {
    timers: {
      setTimeout: (run, ms) => {
        const id = next++;
        due.set(id, { at: now + ms, run });
        return id;
      },
      clearTimeout: (handle) => {
        due.delete(handle as number);
      },
    },
    advance: (ms) => {
      const end = now + ms;
      for (;;) {
        const first = [...due.entries()].sort((a, b) => a[1].at - b[1].at)[0];
        if (first === undefined || first[1].at > end) break;
        due.delete(first[0]);
        now = first[1].at;
        first[1].run();
      }
      now = end;
    },
    pending: () => due.size,
  };
}

/** The options of one tab of alice on `server`, on the channel `name`. */
export function tabOptions(
  server: RunningEmulator | { url: string },
  name: string,
  id: string,
  extra: {
    password?: string;
    timers?: Timers;
    fetch?: FetchLike;
    joinTimeout?: number;
    signIn?: Partial<SignInOptions>;
  } = {},
): TabsOptions {
  return {
    signIn: {
      discoveryUrl: `${server.url}/`,
      credentials: { username: 'alice@contoso.com', password: extra.password ?? 'demo' },
      application: { userAgent: 'tabs-test' },
      ...(extra.fetch === undefined ? {} : { fetch: extra.fetch }),
      ...extra.signIn,
    } as SignInOptions,
    channel: new BroadcastChannel(name),
    claimWindow: 20,
    heartbeatInterval: 50,
    leaderTimeout: 400,
    randomId: () => id,
    ...(extra.timers === undefined ? {} : { timers: extra.timers }),
    ...(extra.joinTimeout === undefined ? {} : { joinTimeout: extra.joinTimeout }),
  };
}

/** Resolves when `tab` takes `role` (at once if it has it). */
export function becomes(tab: Tab, role: TabRole): Promise<void> {
  if (tab.role === role) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = tab.onRole((r) => {
      if (r !== role) return;
      stop();
      resolve();
    });
  });
}

/** A fresh channel name per test, so tests never hear each other's tabs. */
export const channelName = (): string => `ucwa-tabs-${crypto.randomUUID()}`;
