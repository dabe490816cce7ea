import { catalog } from '@ucwa/model';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogPriority } from '../src/events/priority.ts';
import { type Harness, local } from './helpers.ts';
import { available, events, type User } from './users.ts';

let h: Harness;
afterEach(async () => {
  await h?.server.close();
});

type Res = Record<string, unknown> & { _links: Record<string, { href: string }> };

const get = async (u: User, href: string): Promise<Res> =>
  (await (await u.s.get(href)).json()) as Res;

/** alice and bob in a connected messaging conversation; returns alice's conversation href. */
async function connected(alice: User, bob: User): Promise<string> {
  const start = `${alice.s.appHref}/communication/messagingInvitations`;
  expect((await alice.s.post(start, { to: 'sip:bob@contoso.com', operationId: 'o' })).status).toBe(
    201,
  );
  const a = await events(alice);
  const b = await events(bob);
  const invite = b.all.find((e) => e.link.rel === 'messagingInvitation')?.link.href ?? '';
  expect((await bob.s.post(`${invite}/accept`, undefined)).status).toBe(204);
  await events(alice);
  await events(bob);
  return a.all.find((e) => e.link.rel === 'conversation')?.link.href ?? '';
}

describe('audioVideo', () => {
  it('serves the reference shape and walks Disconnected → Connecting → Connected → Disconnected', async () => {
    expect(catalogPriority('audioVideo', 'updated', 'conversation')).toBe('High');
    h = await local();
    const alice = await available(h, 'alice@contoso.com');
    const bob = await available(h, 'bob@contoso.com');
    const conv = await connected(alice, bob);
    const av = await get(alice, `${conv}/audioVideo`);
    expect(av).toMatchObject({
      rel: 'audioVideo',
      state: 'Disconnected',
      supportsReplaces: 'None',
    });
    expect(av.videoSourcesAllowed).toBeDefined();
    // Disconnected: only what works now is advertised (the rest is walked in links.test.ts).
    expect(Object.keys(av._links).sort()).toEqual(
      [
        'self',
        'addAudio',
        'addAudioVideo',
        'addVideo',
        'audioVideoPolicies',
        'conversation',
        'reportMediaDiagnostics',
      ].sort(),
    );
    const base = `${conv}/audioVideo`;
    const link = (rel: string): string => (rel === 'self' ? base : `${base}/${rel}`);

    // errors before any call
    expect((await alice.s.post(link('stopAudio'), undefined)).status).toBe(409);
    expect((await alice.s.post(link('stopAudioVideo'), undefined)).status).toBe(404);
    expect((await alice.s.post(link('videoFreeze'), undefined)).status).toBe(409);
    expect((await alice.s.get(link('videoLockedOnParticipant'))).status).toBe(404);
    expect(
      (await alice.s.get(`${alice.s.appHref}/communication/conversations/nope/audioVideo`)).status,
    ).toBe(404);
    expect((await alice.s.post(link('addAudio'), { operationId: 'x' })).status).toBe(400); // `to` required

    const add = await alice.s.post(link('addAudioVideo'), {
      to: 'sip:bob@contoso.com',
      operationId: 'av1',
    });
    expect(add.status).toBe(201);
    expect(add.headers.get('Location')).toMatch(/\/communication\/audioVideoInvitations\/\w+$/);
    expect((await events(alice)).list).toEqual([
      'communication:started:audioVideoInvitation',
      'conversation:updated:audioVideo',
    ]);
    expect((await events(bob)).list).toEqual(['conversation:updated:audioVideo']);
    expect((await get(alice, link('self'))).state).toBe('Connecting');
    expect((await alice.s.post(link('addAudio'), { to: 'sip:bob@contoso.com' })).status).toBe(409);

    h.clock.advance(2_000);
    const up = await events(alice);
    expect(up.list).toEqual([
      'conversation:updated:audioVideo',
      'communication:updated:conversation',
      'communication:completed:audioVideoInvitation',
    ]);
    expect(up.all[2]).toMatchObject({ status: 'Success' });
    expect((await events(bob)).list).toEqual([
      'conversation:updated:audioVideo',
      'communication:updated:conversation',
    ]);
    expect((await get(alice, link('self'))).state).toBe('Connected');
    expect((await get(alice, conv)).activeModalities).toEqual(['Messaging', 'Audio', 'Video']);
    expect(await get(alice, link('videoLockedOnParticipant'))).toMatchObject({
      uri: 'sip:bob@contoso.com',
    });
    expect((await get(alice, link('audioVideoSession'))).state).toBe('Connected');

    expect((await alice.s.post(link('videoFreeze'), undefined)).status).toBe(204);
    expect((await events(alice)).list).toEqual(['conversation:updated:audioVideo']);
    expect((await alice.s.post(link('stopVideo'), undefined)).status).toBe(204);
    expect((await events(alice)).list).toEqual(['conversation:updated:audioVideo']);
    await events(bob);
    const list = (await get(bob, `${bob.s.appHref}/communication/conversations`))._links
      .conversation as unknown as { href: string }[];
    expect((await get(bob, list[0]?.href ?? '')).activeModalities).toEqual(['Messaging', 'Audio']);

    // escalation needs operationId and sessionContext in the query
    expect((await alice.s.post(link('escalateAudio'), undefined)).status).toBe(400);
    const esc = await alice.s.post(
      `${link('escalateAudio')}?operationId=e1&sessionContext=s1`,
      undefined,
    );
    expect(esc.status).toBe(201);
    expect((await events(alice)).list).toEqual([
      'communication:started:audioVideoInvitation',
      'conversation:updated:audioVideo',
    ]);
    h.clock.advance(2_000);
    expect((await events(alice)).list).toContain('communication:completed:audioVideoInvitation');

    expect((await alice.s.post(link('stopAudioVideo'), undefined)).status).toBe(204);

    expect((await events(alice)).list).toEqual([
      'conversation:updated:audioVideo',
      'communication:updated:conversation',
    ]);
    expect((await events(bob)).list).toContain('conversation:updated:audioVideo');
    expect((await get(alice, link('self'))).state).toBe('Disconnected');
  });
});

describe('phoneAudio', () => {
  it('startPhoneAudio: Connecting, Connected, hold, resume, stop', async () => {
    h = await local();
    const alice = await available(h, 'alice@contoso.com');
    const hub = await get(alice, `${alice.s.appHref}/communication`);
    const start = hub._links.startPhoneAudio?.href ?? '';
    expect((await alice.s.post(start, { operationId: 'p0' })).status).toBe(400);
    const bad = await alice.s.post(start, { to: 'tel:call-me', operationId: 'p0' });
    expect(await bad.json()).toMatchObject({ subcode: 'NormalizationFailed' });
    const res = await alice.s.post(start, { to: 'tel:+14255550100', operationId: 'p1' });
    expect(res.status).toBe(201);
    const location = res.headers.get('Location') ?? '';
    expect(location).toMatch(/phoneAudioInvitations/);
    const a = await events(alice);
    expect(a.list).toEqual([
      'communication:started:phoneAudioInvitation',
      'communication:added:conversation',
      'conversation:added:localParticipant',
      'conversation:updated:phoneAudio',
    ]);
    expect(await get(alice, location)).toMatchObject({
      operationId: 'p1',
      state: 'Connecting',
      to: 'tel:+14255550100',
    });
    h.clock.advance(2_000);
    expect((await events(alice)).list).toEqual([
      'conversation:added:participant',
      'conversation:updated:phoneAudio',
      'communication:updated:conversation',
      'communication:completed:phoneAudioInvitation',
    ]);
    const conv = a.all.find((e) => e.link.rel === 'conversation')?.link.href ?? '';
    const phone = await get(alice, `${conv}/phoneAudio`);
    expect(phone.state).toBe('Connected');
    expect((await alice.s.post(phone._links.holdPhoneAudio?.href ?? '', undefined)).status).toBe(
      204,
    );
    expect((await events(alice)).list).toEqual(['conversation:updated:phoneAudio']);
    const held = await get(alice, `${conv}/phoneAudio`);
    expect(held._links.resumePhoneAudio).toBeDefined();
    expect((await alice.s.post(held._links.resumePhoneAudio?.href ?? '', undefined)).status).toBe(
      204,
    );
    await events(alice);
    expect((await alice.s.post(held._links.stopPhoneAudio?.href ?? '', undefined)).status).toBe(
      204,
    );
    expect((await events(alice)).list).toEqual([
      'conversation:updated:phoneAudio',
      'communication:deleted:conversation',
    ]);
  });
});

describe('audioVideo GET errors', () => {
  it('answers each error its reference page documents, injected through the fault plan', async () => {
    h = await local();
    const alice = await available(h, 'alice@contoso.com');
    const bob = await available(h, 'bob@contoso.com');
    const conversation = await connected(alice, bob);
    const href = `${conversation}/audioVideo`;
    const documented = catalog.audioVideo.operations.GET?.errors ?? [];
    expect(documented).toHaveLength(5);
    for (const e of documented) {
      h.server.faults.add({
        method: 'GET',
        path: '/audioVideo',
        times: 1,
        action: { type: 'error', status: e.status, code: e.error, subcode: e.subcode },
      });
      const res = await alice.s.get(href);
      expect(res.status).toBe(e.status);
      expect(await res.json()).toMatchObject({ code: e.error, subcode: e.subcode });
    }
    // With the plan spent, the modality is served again.
    const res = await alice.s.get(href);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Res).rel).toBe('audioVideo');
  });
});
