import { describe, expect, it } from 'vitest';
import { client, type InProcess, inProcess } from './in-process.ts';

const grant = (e: InProcess, form: Record<string, string>) =>
  e.fetch('/WebTicket/oauthtoken', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'urn:microsoft.rtc:anonmeeting', ...form }).toString(),
  });

/** alice's assigned meeting: its focus URI and conference key. */
async function meeting(e: InProcess): Promise<{ uri: string; key: string }> {
  const alice = await client(e, 'alice');
  const res = await alice.get(`${alice.app}/onlineMeetings/myOnlineMeetings`);
  const list = (await res.json()) as {
    _embedded: { myAssignedOnlineMeeting: { onlineMeetingUri: string; onlineMeetingId: string }[] };
  };
  const assigned = list._embedded.myAssignedOnlineMeeting[0];
  return { uri: assigned?.onlineMeetingUri ?? '', key: assigned?.onlineMeetingId ?? '' };
}

async function anonymousApp(e: InProcess, token: string) {
  const auth = { Authorization: `Bearer ${token}` };
  const res = await e.fetch('/ucwa/oauth/v1/applications', {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ UserAgent: 'anon', EndpointId: 'anon-1', Culture: 'en-US' }),
  });
  const app = ((await res.json()) as { _links: { self: { href: string } } })._links.self.href;
  return {
    get: (path: string) => e.fetch(`${app}/${path}`, { headers: auth }),
    post: (path: string, body: unknown) =>
      e.fetch(`${app}/${path}`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }),
  };
}

describe('anonymous meeting join', () => {
  it('admits only to a meeting that exists, with its conference key', async () => {
    const e = inProcess();
    const { uri, key } = await meeting(e);
    expect((await grant(e, { ms_rtc_conferenceuri: uri, password: key })).status).toBe(200);
    expect((await grant(e, { ms_rtc_conferenceuri: uri, password: 'WRONG' })).status).toBe(400);
    const invented = 'sip:alice@contoso.com;gruu;opaque=app:conf:focus:id:ABCD1234';
    const refused = await grant(e, { ms_rtc_conferenceuri: invented, password: 'ABCD1234' });
    expect(await refused.json()).toMatchObject({ error: 'invalid_grant' });
    const nobody = 'sip:nobody@contoso.com;gruu;opaque=app:conf:focus:id:ABCD1234';
    expect((await grant(e, { ms_rtc_conferenceuri: nobody, password: 'ABCD1234' })).status).toBe(
      400,
    );
  });

  it('renews only a live token of the same meeting', async () => {
    const e = inProcess({
      meetings: [{ organizer: 'bob@contoso.com', onlineMeetingId: 'B0B0B0B0' }],
    });
    const { uri, key } = await meeting(e);
    const first = (await (await grant(e, { ms_rtc_conferenceuri: uri, password: key })).json()) as {
      access_token: string;
    };
    const other = 'sip:bob@contoso.com;gruu;opaque=app:conf:focus:id:B0B0B0B0';
    const elsewhere = { ms_rtc_conferenceuri: other, password: 'B0B0B0B0' };
    expect((await grant(e, { ...elsewhere, ms_rtc_renew: first.access_token })).status).toBe(400);
    const same = { ms_rtc_conferenceuri: uri, password: key, ms_rtc_renew: first.access_token };
    expect((await grant(e, same)).status).toBe(200);
    e.clock.advance(3_601_000);
    expect((await grant(e, same)).status).toBe(400);
  });

  it('keeps the anonymous identity inside its meeting', async () => {
    const e = inProcess();
    const { uri, key } = await meeting(e);
    const token = (
      (await (await grant(e, { ms_rtc_conferenceuri: uri, password: key })).json()) as {
        access_token: string;
      }
    ).access_token;
    const anon = await anonymousApp(e, token);
    const me = await anon.get('me');
    expect(me.status).toBe(200);
    expect(((await me.json()) as { _links: Record<string, unknown> })._links.photo).toBeUndefined();
    const app = (await (await anon.get('')).json()) as { _embedded: Record<string, unknown> };
    expect(Object.keys(app._embedded).sort()).toEqual(['communication', 'me']);
    for (const path of [
      'people/search?query=bob',
      'people/bob@contoso.com/presence',
      'people/contacts',
      'photos/bob@contoso.com',
      'onlineMeetings/myOnlineMeetings',
    ]) {
      const res = await anon.get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
    }
    const im = await anon.post('communication/messagingInvitations', { to: 'sip:bob@contoso.com' });
    expect(im.status).toBe(403);
    expect(await im.json()).toMatchObject({ code: 'Forbidden', subcode: 'AnonymousNotAllowed' });
    // joinOnlineMeeting: its own meeting only (joinOnlineMeeting_ref.md, 403).
    const other = 'sip:bob@contoso.com;gruu;opaque=app:conf:focus:id:B0B0B0B0';
    for (const onlineMeetingUri of [other, 'adhoc']) {
      const refused = await anon.post('communication/onlineMeetingInvitations', {
        onlineMeetingUri,
      });
      expect({ onlineMeetingUri, status: refused.status }).toEqual({
        onlineMeetingUri,
        status: 403,
      });
    }
    const joined = await anon.post('communication/onlineMeetingInvitations', {
      onlineMeetingUri: uri,
    });
    expect(joined.status).toBe(201);
    // In the meeting, it may not invite others in (addParticipant), nor does the link show.
    const conversations = (await (await anon.get('communication/conversations')).json()) as {
      _links: { conversation?: { href: string } | { href: string }[] };
    };
    const listed = conversations._links.conversation;
    const full = (Array.isArray(listed) ? listed[0] : listed)?.href ?? '';
    const href = full.slice(full.indexOf('communication/'));
    const conversation = (await (await anon.get(href)).json()) as { _links: object };
    expect(conversation._links).not.toHaveProperty('addParticipant');
    const invite = await anon.post(`${href}/addParticipant`, { to: 'sip:bob@contoso.com' });
    expect(invite.status).toBe(403);
  });
});
