import * as xml from '@ucwa/codec-xml';
import type { RunningEmulator, ServerOptions } from '@ucwa/emulator';
import type { FetchLike, Format } from '@ucwa/transport';
import { expect } from 'vitest';
import {
  type MakeMeAvailableInput,
  type Session,
  type SessionStatus,
  signIn,
} from '../../src/index.ts';
import { emulator } from './emulators.ts';

/** Signs `user`@contoso.com in to the emulator at `url`, speaking `format`. */
export function signInUser(url: string, user: string, format: Format = 'json'): Promise<Session> {
  return signIn({
    discoveryUrl: `${url}/`,
    credentials: { username: `${user}@contoso.com`, password: 'demo' },
    application: { userAgent: `client-test/${user}` },
    format,
    ...(format === 'xml' ? { codecs: { xml } } : {}),
  });
}

/**
 * An emulator (closed after the test; `options` are its own) with alice and bob signed in
 * in `format`, each made available with `options.available` (messaging only by default).
 */
export async function aliceAndBob(
  format: Format = 'json',
  options: ServerOptions & { readonly available?: MakeMeAvailableInput } = {},
): Promise<{ server: RunningEmulator; alice: Session; bob: Session }> {
  const { available = { supportedModalities: ['Messaging'] }, ...serverOptions } = options;
  const server = await emulator(serverOptions);
  const alice = await signInUser(server.url, 'alice', format);
  const bob = await signInUser(server.url, 'bob', format);
  await alice.makeMeAvailable(available);
  await bob.makeMeAvailable(available);
  return { server, alice, bob };
}

/** A promise and its resolve function. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Collects values; `next(n)` resolves once `n` values have arrived in total. */
export function collector<T>(): {
  items: T[];
  push: (item: T) => void;
  atLeast: (n: number) => Promise<T[]>;
} {
  const items: T[] = [];
  const waiting: { n: number; resolve: (items: T[]) => void }[] = [];
  return {
    items,
    push: (item) => {
      items.push(item);
      for (const w of waiting.splice(0)) {
        if (items.length >= w.n) w.resolve(items);
        else waiting.push(w);
      }
    },
    atLeast: (n) =>
      items.length >= n
        ? Promise.resolve(items)
        : new Promise((resolve) => waiting.push({ n, resolve })),
  };
}

/**
 * Resolves once `predicate` holds, checking on every turn of the event loop (no timer, no
 * sleep): for state the code under test changes without an event to wait on.
 */
export async function until(predicate: () => boolean, turns = 1_000_000): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (predicate()) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  throw new Error('the awaited state never came');
}

/**
 * The emulator loses `session`'s application for good (its `dropApplication` fault, set
 * off by a read of the application's policies, which fails with ApplicationNotFound).
 * Resolves once that read failed, with the states the session goes through from before it.
 */
export async function dropApplication(server: RunningEmulator, session: Session) {
  const statuses = collector<SessionStatus['state']>();
  session.onStatus((s) => statuses.push(s.state));
  const appPath = new URL(session.application.href, server.url).pathname;
  server.faults.add({ path: `${appPath}/policies`, action: { type: 'dropApplication' } });
  const policies = session.application.links.policies?.href ?? '';
  await expect(session.transport.get(policies)).rejects.toThrow(/ApplicationNotFound/);
  return statuses;
}

/** A fetch that counts the requests to the token service. */
export function countingTokens(send: FetchLike = (r, i) => globalThis.fetch(r, i)) {
  let tokens = 0;
  const fetch: FetchLike = (request, init) => {
    if (new URL(request.url).pathname.toLowerCase().endsWith('/oauthtoken')) tokens += 1;
    return send(request, init);
  };
  return { fetch, tokens: () => tokens };
}
