import { afterEach, describe, expect, it } from 'vitest';
import {
  type EventsBody,
  eventList,
  type Harness,
  local,
  type Session,
  signIn,
  untilPending,
  XML_TYPE,
} from './helpers.ts';

let h: Harness;
afterEach(async () => {
  await h?.server.close();
});

type Meeting = Record<string, unknown> & { _links: Record<string, { href: string }> };

const put = (s: Session, href: string, body: unknown, ifMatch?: string) =>
  s.get(href, {
    method: 'PUT',
    headers: {
      'Content-Type': 'application/json',
      ...(ifMatch === undefined ? {} : { 'If-Match': ifMatch }),
    },
    body: JSON.stringify(body),
  });

async function events(s: Session, href: string, act: () => Promise<void>): Promise<EventsBody> {
  const pending = s.get(href);
  await untilPending(h.clock);
  await act();
  h.clock.advance(5_000);
  return (await (await pending).json()) as EventsBody;
}

describe('online meetings', () => {
  it('creates, lists, reads, updates (conditional PUT) and deletes a meeting, with events', async () => {
    h = await local();
    const s = await signIn(h, 'alice@contoso.com');
    const other = await signIn(h, 'alice@contoso.com', { EndpointId: 'phone' });
    const hub = (s.app._embedded as unknown as Record<string, Meeting>).onlineMeetings;
    const list = hub?._links.myOnlineMeetings?.href ?? '';
    expect(list).toBe(`${s.appHref}/onlineMeetings/myOnlineMeetings`);

    // Create (ScheduleAnOnlineMeeting.md): 201, ETag, the random property.
    let created: Response | undefined;
    const added = await events(other, other.eventsHref, async () => {
      created = await s.post(list, {
        subject: 'holiday party',
        description: "hey guys let's do a musical!",
        attendees: ['sip:bob@contoso.com', 'sip:carol@contoso.com'],
        leaders: [],
        accessLevel: 'Invited',
      });
    });
    expect(created?.status).toBe(201);
    const etag = created?.headers.get('ETag') ?? '';
    expect(etag).toMatch(/^"\d{10}"$/);
    const meeting = (await created?.json()) as Meeting;
    expect(meeting).toMatchObject({
      rel: 'myOnlineMeeting',
      subject: 'holiday party',
      accessLevel: 'Invited',
      attendees: ['sip:bob@contoso.com', 'sip:carol@contoso.com'],
      automaticLeaderAssignment: 'SameEnterprise',
      onlineMeetingRel: 'myOnlineMeetings',
      organizerUri: 'sip:alice@contoso.com',
    });
    const id = String(meeting.onlineMeetingId);
    expect(meeting.onlineMeetingUri).toBe(
      `sip:alice@contoso.com;gruu;opaque=app:conf:focus:id:${id}`,
    );
    expect(meeting.joinUrl).toBe(`https://meet.contoso.com/alice/${id}`);
    const href = meeting._links.self?.href ?? '';
    expect(href).toBe(`${list}/${id}`);
    expect(eventList(added)).toEqual(['onlineMeetings:added:myOnlineMeeting']);
    expect(added.sender[0]?.events[0]?.link.href).toBe(
      `${other.appHref}/onlineMeetings/myOnlineMeetings/${id}`,
    );

    // List: the assigned meeting and the new one.
    const listed = (await (await s.get(list)).json()) as {
      _embedded: Record<string, { onlineMeetingId: string }[]>;
    };
    expect(listed._embedded.myOnlineMeeting?.map((m) => m.onlineMeetingId)).toEqual([id]);
    expect(listed._embedded.myAssignedOnlineMeeting).toHaveLength(1);
    const got = await s.get(href);
    expect(got.headers.get('ETag')).toBe(etag);
    const body = (await got.json()) as Meeting;

    // Conditional PUT (UpdateAnOnlineMeeting.md).
    const changed: Record<string, unknown> = { ...body, subject: 'Important details' };
    expect((await put(s, href, changed)).status).toBe(428);
    const stale = await put(s, href, changed, '"1234567890"');
    expect(stale.status).toBe(412);
    expect(await stale.json()).toMatchObject({ code: 'PreconditionFailed' });
    const secret = Object.keys(body).find((k) => body[k] === 'please pass this in a PUT request');
    const { [secret ?? '']: _, ...withoutSecret } = changed;
    const missing = await put(s, href, withoutSecret, etag);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ subcode: 'ParameterValidationFailure' });
    let updated: Response | undefined;
    const second = await events(other, added._links.next?.href ?? '', async () => {
      updated = await put(s, href, changed, etag);
    });
    expect(updated?.status).toBe(200);
    const newEtag = updated?.headers.get('ETag');
    expect(newEtag).toMatch(/^"\d{10}"$/);
    expect(newEtag).not.toBe(etag);
    expect(await updated?.json()).toMatchObject({
      subject: 'Important details',
      onlineMeetingId: id,
    });
    expect(eventList(second)).toEqual(['onlineMeetings:updated:myOnlineMeeting']);
    expect((await put(s, href, changed, etag)).status).toBe(412);

    // Delete.
    const third = await events(other, second._links.next?.href ?? '', async () => {
      expect((await s.get(href, { method: 'DELETE' })).status).toBe(204);
    });
    expect(eventList(third)).toEqual(['onlineMeetings:deleted:myOnlineMeeting']);
    expect((await s.get(href)).status).toBe(404);
  });

  it('validates enumerations, serves defaults, eligible values and policies', async () => {
    h = await local();
    const s = await signIn(h);
    const o = `${s.appHref}/onlineMeetings`;
    const bad = await s.post(`${o}/myOnlineMeetings`, { accessLevel: 'Anyone' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      parameters: [{ name: 'accessLevel', value: 'Anyone' }],
    });
    expect(await (await s.get(`${o}/onlineMeetingDefaultValues`)).json()).toMatchObject({
      rel: 'onlineMeetingDefaultValues',
      accessLevel: 'SameEnterprise',
      defaultOnlineMeetingRel: 'myOnlineMeetings',
    });
    const eligible = (await (await s.get(`${o}/onlineMeetingEligibleValues`)).json()) as Meeting;
    expect(eligible.accessLevels).toContain('Invited');
    expect(eligible._links.myOnlineMeetings?.href).toBe(`${o}/myOnlineMeetings`);
    expect(await (await s.get(`${o}/onlineMeetingPolicies`)).json()).toMatchObject({
      rel: 'onlineMeetingPolicies',
      meetingSize: 250,
    });
    const hub = (await (await s.get(o)).json()) as Meeting;
    const assigned = (await (
      await s.get(hub._links.myAssignedOnlineMeeting?.href ?? '')
    ).json()) as Meeting;
    expect(assigned.rel).toBe('myAssignedOnlineMeeting');
  });

  it('creates and reads a meeting in XML', async () => {
    h = await local();
    const s = await signIn(h);
    const xml = { Accept: XML_TYPE, 'Content-Type': XML_TYPE };
    const body =
      '<?xml version="1.0" encoding="utf-8"?><input xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">' +
      '<property name="subject">Weekly sync</property>' +
      '<property name="accessLevel">Everyone</property>' +
      '<propertyList name="attendees"><item>sip:bob@contoso.com</item></propertyList>' +
      '</input>';
    const created = await s.get(`${s.appHref}/onlineMeetings/myOnlineMeetings`, {
      method: 'POST',
      headers: xml,
      body,
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('Content-Type')).toContain('xml');
    const text = await created.text();
    expect(text).toMatch(/<resource rel="myOnlineMeeting" href="[^"]+"/);
    expect(text).toContain('<property name="subject">Weekly sync</property>');
    expect(text).toContain('<property name="accessLevel">Everyone</property>');
    expect(text).toMatch(/<propertyList name="attendees">\s*<item>sip:bob@contoso.com<\/item>/);
    const self = /<resource rel="myOnlineMeeting" href="([^"]+)"/.exec(text)?.[1] ?? '';
    const read = await s.get(self.startsWith('http') ? self : `${h.url}${self}`, {
      headers: { Accept: XML_TYPE },
    });
    expect(read.status).toBe(200);
    expect(await read.text()).toContain('<property name="subject">Weekly sync</property>');
  });
});
