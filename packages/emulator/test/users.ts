import { expect } from 'vitest';
import {
  type EventsBody,
  eventList,
  type Harness,
  type Session,
  signIn,
  untilPending,
} from './helpers.ts';

/** One event of an answer, with the fields the tests read. */
export type Ev = EventsBody['sender'][number]['events'][number] & {
  status?: string;
  reason?: { subcode?: string };
  in?: { rel: string };
};

/** A signed-in, available user with an event cursor. */
export interface User {
  readonly s: Session;
  cursor: string;
}

/** Signs `name` in, makes it available, and reads the first batch (the 180 s timeout). */
export async function available(h: Harness, name: string): Promise<User> {
  const s = await signIn(h, name);
  expect((await s.post(`${s.appHref}/me/makeMeAvailable`, {})).status).toBe(204);
  const pending = s.get(s.eventsHref);
  await untilPending(h.clock);
  h.clock.advance(180_000);
  const body = (await (await pending).json()) as EventsBody;
  return { s, cursor: body._links.next?.href ?? '' };
}

/** The next event batch; only called when High/RealTime events are queued. */
export async function events(u: User): Promise<{ list: string[]; all: Ev[] }> {
  const body = (await (await u.s.get(u.cursor)).json()) as EventsBody;
  u.cursor = body._links.next?.href ?? '';
  return { list: eventList(body), all: body.sender.flatMap((x) => x.events as Ev[]) };
}

/** The event of `type` on `rel`; throws when there is none. */
export function find(all: Ev[], rel: string, type: string): Ev {
  const e = all.find((x) => x.link.rel === rel && x.type === type);
  if (e === undefined) throw new Error(`no ${type} ${rel}`);
  return e;
}
