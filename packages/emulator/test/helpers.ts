import { createManualClock, type ManualClock } from '../src/core/clock.ts';
import { createEmulator } from '../src/emulator.ts';
import { defaultFeatures } from '../src/features/defaults.ts';
import type { FeatureFactory, FeatureHost } from '../src/features/feature.ts';
import type { ServerOptions } from '../src/server.ts';
import { type RunningEmulator, startEmulator } from '../src/server.ts';

export const JSON_TYPE = 'application/json';
export const XML_TYPE = 'application/vnd.microsoft.com.ucwa+xml';

export interface Harness {
  readonly server: RunningEmulator;
  readonly clock: ManualClock;
  readonly url: string;
  /** `fetch` against this emulator: over the socket, or in process for {@link local}. */
  fetch(url: string, init?: RequestInit): Promise<Response>;
}

/** An emulator on 127.0.0.1:0 with a manual clock; the caller closes it. */
export async function harness(options: ServerOptions = {}): Promise<Harness> {
  const clock = createManualClock(Date.UTC(2024, 0, 1));
  const server = await startEmulator({ clock, ...options });
  return { server, clock, url: server.url, fetch: (url, init) => fetch(url, init) };
}

/**
 * The same, without a socket: requests go through `createEmulator().fetch` (for tests
 * where the socket is not the point). `server` is the in-process emulator's view.
 */
export async function local(options: ServerOptions = {}): Promise<Harness> {
  const clock = createManualClock(Date.UTC(2024, 0, 1));
  const emulator = createEmulator({ clock, ...options });
  const url = 'http://ucwa.test';
  const server: RunningEmulator = {
    url,
    users: emulator.users,
    faults: emulator.faults,
    clock,
    emulator,
    close: async () => emulator.close(),
  };
  return { server, clock, url, fetch: (target, init) => emulator.fetch(new Request(target, init)) };
}

/** Where a helper sends its requests: a base URL (global fetch) or a harness. */
export type Target = string | Harness;

const base = (target: Target): string => (typeof target === 'string' ? target : target.url);
const fetcher = (target: Target): Harness['fetch'] =>
  typeof target === 'string' ? (url, init) => fetch(url, init) : target.fetch;

export interface Session {
  readonly token: string;
  readonly app: Record<string, unknown> & {
    _links: Record<string, { href: string }>;
    _embedded: { me: { _links: Record<string, { href: string } | undefined> } };
  };
  readonly appHref: string;
  readonly eventsHref: string;
  get(path: string, init?: RequestInit): Promise<Response>;
  post(path: string, body: unknown, init?: RequestInit): Promise<Response>;
}

export async function token(target: Target, username: string, password = 'demo'): Promise<string> {
  const res = await fetcher(target)(`${base(target)}/WebTicket/oauthtoken`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    body: new URLSearchParams({ grant_type: 'password', username, password }).toString(),
  });
  if (res.status !== 200) throw new Error(`token: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** Signs in over JSON and creates an application. */
export async function signIn(
  target: Target,
  user = 'alice@contoso.com',
  body: Record<string, string> = {},
): Promise<Session> {
  const url = base(target);
  const fetch = fetcher(target);
  const bearer = await token(target, user);
  const auth = { Authorization: `Bearer ${bearer}`, Accept: JSON_TYPE };
  const res = await fetch(`${url}/ucwa/oauth/v1/applications`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': JSON_TYPE },
    body: JSON.stringify({
      UserAgent: 'tests/1.0',
      EndpointId: `ep-${user}`,
      Culture: 'en-US',
      ...body,
    }),
  });
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`applications: ${res.status} ${await res.text()}`);
  const app = (await res.json()) as Session['app'];
  const abs = (path: string): string => (path.startsWith('http') ? path : `${url}${path}`);
  return {
    token: bearer,
    app,
    appHref: app._links.self?.href ?? '',
    eventsHref: app._links.events?.href ?? '',
    get: (path, init = {}) =>
      fetch(abs(path), {
        ...init,
        headers: { ...auth, ...(init.headers as Record<string, string>) },
      }),
    post: (path, payload, init = {}) =>
      fetch(abs(path), {
        method: 'POST',
        ...init,
        headers: {
          ...auth,
          'Content-Type': JSON_TYPE,
          ...(init.headers as Record<string, string>),
        },
        body: payload === undefined ? null : JSON.stringify(payload),
      }),
  };
}

/** Waits until the emulator holds at least `count` timers (a P-GET is waiting). */
export async function untilPending(clock: ManualClock, count = 1): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (clock.pending() >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('no P-GET became pending');
}

export interface EventsBody {
  _links: {
    self: { href: string };
    next?: { href: string };
    resume?: { href: string };
    resync?: { href: string };
  };
  sender: {
    rel: string;
    href: string;
    events: {
      type: string;
      link: { rel: string; href: string };
      _embedded?: Record<string, unknown>;
    }[];
  }[];
}

/** Every event of an answer as `sender:type:rel`. */
export const eventList = (body: EventsBody): string[] =>
  body.sender.flatMap((s) => s.events.map((e) => `${s.rel}:${e.type}:${e.link.rel}`));

/**
 * A feature with no routes that hands its {@link FeatureHost} to the test (the public way
 * to publish events or read shared state from outside).
 */
export function hostProbe(): { features: readonly FeatureFactory[]; host: () => FeatureHost } {
  let seen: FeatureHost | undefined;
  const probe: FeatureFactory = (host) => {
    seen = host;
    return { name: 'probe', routes: [] };
  };
  return {
    features: [...defaultFeatures, probe],
    host: () => {
      if (seen === undefined) throw new Error('the probe feature was not created');
      return seen;
    },
  };
}
