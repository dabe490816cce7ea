import { createManualClock, type ManualClock } from '../src/core/clock.ts';
import type { EmulatorOptions } from '../src/core/options.ts';
import { createEmulator, type Emulator } from '../src/emulator.ts';

/** An emulator without a socket, a manual clock, and a `fetch` by path. */
export interface InProcess {
  readonly emulator: Emulator;
  readonly clock: ManualClock;
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

export const ORIGIN = 'http://ucwa.test';

export function inProcess(options: EmulatorOptions = {}): InProcess {
  const clock = createManualClock(Date.UTC(2024, 0, 1));
  const emulator = createEmulator({ clock, seed: 3, ...options });
  return {
    emulator,
    clock,
    fetch: (path, init = {}) =>
      emulator.fetch(new Request(path.startsWith('http') ? path : `${ORIGIN}${path}`, init)),
  };
}

/** A signed-in application seen through the in-process fetch. */
export interface Client {
  readonly auth: Record<string, string>;
  readonly app: string;
  cursor: string;
  get(href: string, init?: RequestInit): Promise<Response>;
  post(href: string, body?: unknown): Promise<Response>;
}

export async function client(
  e: InProcess,
  user: string,
  endpointId = `ep-${user}`,
): Promise<Client> {
  const tok = await e.fetch('/WebTicket/oauthtoken', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: `grant_type=password&username=${user}&password=demo`,
  });
  const { access_token } = (await tok.json()) as { access_token: string };
  const auth = { Authorization: `Bearer ${access_token}` };
  const created = await e.fetch('/ucwa/oauth/v1/applications', {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ UserAgent: 'test', EndpointId: endpointId, Culture: 'en-US' }),
  });
  const app = (await created.json()) as { _links: Record<string, { href: string }> };
  const self = app._links.self?.href ?? '';
  return {
    auth,
    app: self,
    cursor: `${app._links.events?.href}&medium=0&low=0`,
    get: (href, init = {}) =>
      e.fetch(href, { ...init, headers: { ...auth, ...(init.headers as Record<string, string>) } }),
    post: (href, body) =>
      e.fetch(href, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      }),
  };
}

export type Ev = { type: string; link: { rel: string; href: string } };

/** The events queued for `c` now (its channel answers at once: windows are 0). */
export async function drain(c: Client): Promise<Ev[]> {
  const body = (await (await c.get(c.cursor)).json()) as {
    _links: { next: { href: string } };
    sender: { events: Ev[] }[];
  };
  c.cursor = body._links.next.href;
  return body.sender.flatMap((s) => s.events);
}
