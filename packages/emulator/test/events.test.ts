import { afterEach, describe, expect, it } from 'vitest';
import {
  type EventsBody,
  eventList,
  type Harness,
  hostProbe,
  local,
  signIn,
  untilPending,
} from './helpers.ts';

let h: Harness;
afterEach(async () => {
  await h?.server.close();
});

const json = async (res: Response | Promise<Response>): Promise<EventsBody> =>
  (await res).json() as Promise<EventsBody>;

describe('event channel', () => {
  it('answers with next, acknowledges by following it, and times out after 180 s by default', async () => {
    h = await local();
    const s = await signIn(h);
    expect(s.eventsHref).toMatch(/\/events\?ack=1&instanceId=/);
    const pending = s.get(s.eventsHref);
    await untilPending(h.clock);
    h.clock.advance(179_000);
    h.clock.advance(1_000);
    const first = await json(pending);
    expect(first._links.self.href).toBe(s.eventsHref);
    expect(first._links.next?.href).toContain('ack=2');
    expect(first.sender).toEqual([]);
    // Asking again with ack=1 gets the same batch (a lost answer); ack=2 acknowledges it.
    expect((await json(s.get(s.eventsHref)))._links.next?.href).toBe(first._links.next?.href);
    const second = s.get(first._links.next?.href ?? '');
    await untilPending(h.clock);
    await s.post(s.app._embedded.me._links.makeMeAvailable?.href ?? '', {
      signInAs: 'Online',
      supportedModalities: ['Messaging'],
    });
    h.clock.advance(5_000);
    expect(eventList(await json(second))).toEqual([
      'communication:updated:communication',
      'me:updated:me',
      'me:added:presence',
      'me:added:note',
      'me:added:location',
      'me:updated:presence',
    ]);
  });

  it('clamps timeout to 180–1800 s and remembers it', async () => {
    h = await local();
    const s = await signIn(h);
    const pending = s.get(`${s.eventsHref}&timeout=5000`);
    await untilPending(h.clock);
    h.clock.advance(1_799_000);
    // Still held: its timer is still set (a released P-GET cancels it).
    expect(h.clock.pending()).toBe(1);
    h.clock.advance(1_000);
    const batch = await json(pending);
    const short = s.get(`${batch._links.next?.href}&timeout=1`);
    await untilPending(h.clock);
    h.clock.advance(180_000);
    expect((await short).status).toBe(200);
  });

  it('answers the first P-GET with 409 PGetReplaced when a second one arrives, unless lower priority', async () => {
    h = await local();
    const s = await signIn(h);
    const first = s.get(`${s.eventsHref}&priority=2`);
    await untilPending(h.clock);
    const lower = await s.get(`${s.eventsHref}&priority=1`);
    expect(lower.status).toBe(409);
    const second = s.get(`${s.eventsHref}&priority=2`);
    const replaced = await first;
    expect(replaced.status).toBe(409);
    expect(await replaced.json()).toMatchObject({ code: 'Conflict', subcode: 'PGetReplaced' });
    h.clock.advance(180_000);
    expect((await second).status).toBe(200);
  });

  it('answers an out-of-range ack with a lone resync link', async () => {
    h = await local();
    const s = await signIn(h);
    const body = await json(s.get(s.eventsHref.replace('ack=1', 'ack=7')));
    expect(body._links.resync?.href).toBe(s.eventsHref);
    expect(body._links.next).toBeUndefined();
    expect(body.sender).toEqual([]);
  });

  it('answers with resume after a long gap and resets transient state', async () => {
    h = await local({ resumeAfterMs: 60_000 });
    const s = await signIn(h);
    await s.post(s.app._embedded.me._links.makeMeAvailable?.href ?? '', {});
    h.clock.advance(61_000);
    const pending = s.get(s.eventsHref);
    await untilPending(h.clock);
    h.clock.advance(180_000);
    const body = await json(pending);
    expect(body._links.resume?.href).toContain('ack=2');
    expect(body._links.next).toBeUndefined();
    expect(body.sender).toEqual([]);
  });

  it('holds medium events 5 s and low events 15 s, releases high ones at once, keeps order', async () => {
    const probe = hostProbe();
    h = await local({ features: probe.features });
    const s = await signIn(h);
    const app = probe.host().applications.get(s.appHref.split('/').pop() ?? '');
    if (app === undefined) throw new Error('no app');
    const events = probe.host().events;
    const ev = (rel: string, priority: 'Low' | 'Medium' | 'High') =>
      events.toApplication(app, {
        sender: { rel: 'me', href: app.href('me') },
        type: 'updated',
        link: { rel, href: app.href(rel) },
        priority,
      });
    const pending = s.get(`${s.eventsHref}&low=15&medium=5`);
    await untilPending(h.clock);
    ev('a', 'Low');
    ev('b', 'Low');
    ev('a', 'Low'); // supersedes the first update of a
    h.clock.advance(14_000);
    ev('c', 'Medium');
    // Still held: its timer is still set (a released P-GET cancels it).
    expect(h.clock.pending()).toBe(1);
    h.clock.advance(1_000);
    expect(eventList(await json(pending))).toEqual([
      'me:updated:b',
      'me:updated:a',
      'me:updated:c',
    ]);
    const next = s.get((await json(s.get(s.eventsHref)))._links.next?.href ?? '');
    await untilPending(h.clock);
    ev('d', 'Medium');
    ev('e', 'High');
    expect(eventList(await json(next))).toEqual(['me:updated:d', 'me:updated:e']);
  });

  it('gives each tab of one application its own event channel (MultiTabSupport.md)', async () => {
    h = await local();
    const a = await signIn(h, 'alice', { instanceId: 'tab1' });
    const b = await signIn(h, 'alice', { instanceId: 'tab2' });
    expect(b.appHref).toBe(a.appHref);
    expect(b.eventsHref).toContain('instanceId=tab2');
    const again = await h.fetch(`${h.url}/ucwa/oauth/v1/applications`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${a.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        UserAgent: 'tests/1.0',
        EndpointId: 'ep-alice',
        Culture: 'en-US',
        instanceId: 'tab1',
      }),
    });
    expect(again.status).toBe(200);
    const pa = a.get(a.eventsHref);
    const pb = b.get(b.eventsHref);
    await untilPending(h.clock, 2);
    await a.post(a.app._embedded.me._links.makeMeAvailable?.href ?? '', {});
    h.clock.advance(5_000);
    expect(eventList(await json(pa))).toContain('me:added:presence');
    expect(eventList(await json(pb))).toContain('me:added:presence');
  });
});
