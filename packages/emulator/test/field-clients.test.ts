import { dataUriText, parseDataUri } from '@ucwa/model';
import { afterEach, describe, expect, it } from 'vitest';
import { bare, joined } from './bare-client.ts';
import { type Harness, harness } from './helpers.ts';

// Clients written for real servers, unmodified: raw `//` targets, no Accept, PascalCase
// inputs, application-level reportMyActivity, no operationId.

let h: Harness;
afterEach(async () => {
  await h?.server.close();
});

interface Field {
  readonly auth: Record<string, string>;
  readonly app: Record<string, unknown> & {
    id: string;
    _links: Record<string, { href: string }>;
    _embedded: Record<string, { _links: Record<string, { href: string }> }>;
  };
  cursor: string;
}

type Ev = { type: string; link: { rel: string; href: string }; _embedded?: Record<string, never> };
type Batch = {
  _links: { next: { href: string } };
  sender: { rel: string; href: string; events: Ev[] }[];
};

const json = { 'Content-Type': 'application/json' };

async function fieldSignIn(user: string, endpointId = `field-${user}`): Promise<Field> {
  const form = `grant_type=password&username=${user}&password=demo`;
  const tok = await bare(
    h.url,
    'POST',
    '/WebTicket/oauthtoken',
    {
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    form,
  );
  const auth = { Authorization: `Bearer ${tok.json<{ access_token: string }>().access_token}` };
  const body = JSON.stringify({
    UserAgent: 'FieldClient/2014',
    EndpointId: endpointId,
    Culture: 'en-US',
  });
  const created = await bare(
    h.url,
    'POST',
    '//ucwa/oauth/v1/applications',
    { ...auth, ...json },
    body,
  );
  expect(created.status).toBe(201);
  const app = created.json<Field['app']>();
  return { auth, app, cursor: `${app._links.events?.href}&medium=0&low=0` };
}

/** The next event batch (aggregation windows are 0, so queued events come at once). */
async function events(u: Field): Promise<{ batch: Batch; all: Ev[] }> {
  const res = await bare(h.url, 'GET', joined(u.cursor), u.auth);
  expect(res.status).toBe(200);
  const batch = res.json<Batch>();
  u.cursor = batch._links.next.href;
  return { batch, all: batch.sender.flatMap((s) => s.events) };
}

const find = (all: Ev[], rel: string, type?: string): Ev => {
  const e = all.find((x) => x.link.rel === rel && (type === undefined || x.type === type));
  if (e === undefined) throw new Error(`no ${type ?? ''} ${rel} in ${JSON.stringify(all)}`);
  return e;
};

async function available(
  u: Field,
  body = '{"SupportedModalities":["Messaging"],"SupportedMessageFormats":["Plain","Html"]}',
) {
  const me = u.app._embedded.me?._links.makeMeAvailable?.href ?? '';
  const res = await bare(h.url, 'POST', joined(me), { ...u.auth, ...json }, body);
  expect(res.status).toBe(204);
  return events(u);
}

describe('clients written for real servers', () => {
  it('serves a // request target as the path it is, in batch parts too', async () => {
    h = await harness({ seed: 7 });
    const u = await fieldSignIn('alice');
    const me = await bare(h.url, 'GET', joined(`${u.app._links.self?.href}/me`), u.auth);
    expect(me.status).toBe(200);
    const part = `--b\r\nContent-Type: application/http; msgtype=request\r\n\r\nGET //${u.app._links.self?.href.slice(1)}/me HTTP/1.1\r\nHost: x\r\n\r\n\r\n--b--\r\n`;
    const batch = await bare(
      h.url,
      'POST',
      joined(u.app._links.batch?.href ?? ''),
      {
        ...u.auth,
        'Content-Type': 'multipart/batching; boundary=b',
      },
      part,
    );
    expect(batch.status).toBe(200);
    expect(batch.text).toMatch(/HTTP\/1\.1 200 OK/);
  });

  it('answers application/json when Accept is missing or */*, errors too; the vnd type on request', async () => {
    h = await harness({ seed: 7 });
    const root = await bare(h.url, 'GET', '/');
    expect(root.headers['content-type']).toBe('application/json; charset=utf-8');
    const any = await bare(h.url, 'GET', '/', { Accept: '*/*' });
    expect(any.headers['content-type']).toBe('application/json; charset=utf-8');
    const u = await fieldSignIn('alice');
    const missing = await bare(h.url, 'GET', `${u.app._links.self?.href}/nothing`, u.auth);
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(missing.json()).toMatchObject({ code: 'NotFound' });
    const vnd = 'application/vnd.microsoft.com.ucwa+json';
    const asked = await bare(h.url, 'GET', '/', { Accept: vnd });
    expect(asked.headers['content-type']).toBe(`${vnd}; charset=utf-8`);
    await h.server.close();
    h = await harness({ seed: 7, formatDefault: 'xml' });
    const xml = await bare(h.url, 'GET', '/');
    expect(xml.headers['content-type']).toBe('application/xml; charset=utf-8');
  });

  it.each([
    [
      'PascalCase',
      '{"SupportedModalities":["Messaging"],"SupportedMessageFormats":["Plain","Html"]}',
    ],
    [
      'camelCase',
      '{"supportedModalities":["Messaging"],"supportedMessageFormats":["Plain","Html"]}',
    ],
    [
      'lower case',
      '{"supportedmodalities":["Messaging"],"supportedmessageformats":["Plain","Html"]}',
    ],
  ])('reads %s input names, and embeds communication in its updated event', async (_, body) => {
    h = await harness({ seed: 7 });
    const u = await fieldSignIn('alice');
    const { all } = await available(u, body);
    const update = find(all, 'communication', 'updated');
    const communication = (update._embedded as Record<string, Record<string, unknown>> | undefined)
      ?.communication;
    expect(communication).toMatchObject({
      supportedModalities: ['Messaging'],
      supportedMessageFormats: ['Plain', 'Html'],
    });
    expect(typeof communication?.etag).toBe('string');
    expect(Object.values(communication ?? {})).toContain('please pass this in a PUT request');
  });

  it('reads XML input names in any case', async () => {
    h = await harness({ seed: 7 });
    const u = await fieldSignIn('alice');
    const xml = `<?xml version="1.0"?><input xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa"><propertyList name="SupportedModalities"><item>Messaging</item></propertyList></input>`;
    const me = u.app._embedded.me?._links.makeMeAvailable?.href ?? '';
    const res = await bare(
      h.url,
      'POST',
      me,
      {
        ...u.auth,
        'Content-Type': 'application/vnd.microsoft.com.ucwa+xml',
      },
      xml,
    );
    expect(res.status).toBe(204);
    const comm = await bare(h.url, 'GET', `${u.app._links.self?.href}/communication`, u.auth);
    expect(comm.json()).toMatchObject({ supportedModalities: ['Messaging'] });
  });

  it('serves reportMyActivity under the application, where me links it', async () => {
    h = await harness({ seed: 7 });
    const u = await fieldSignIn('alice');
    await available(u);
    const me = await bare(h.url, 'GET', `${u.app._links.self?.href}/me`, u.auth);
    const href = me.json<{ _links: Record<string, { href: string }> }>()._links.reportMyActivity
      ?.href;
    expect(href).toBe(`${u.app._links.self?.href}/reportMyActivity`);
    expect((await bare(h.url, 'POST', joined(href ?? ''), u.auth)).status).toBe(204);
  });

  it('answers the same application registered again with 200 and that application', async () => {
    h = await harness({ seed: 7 });
    const first = await fieldSignIn('alice', 'ep-same');
    const again = await bare(
      h.url,
      'POST',
      '/ucwa/oauth/v1/applications',
      { ...first.auth, ...json },
      JSON.stringify({ UserAgent: 'FieldClient/2014', EndpointId: 'ep-same', Culture: 'en-US' }),
    );
    expect(again.status).toBe(200);
    const app = again.json<Field['app']>();
    expect(app._links.self?.href).toBe(first.app._links.self?.href);
    expect(app._links.events?.href).toBe(first.app._links.events?.href);
  });

  it('does an IM round trip between two users, without operationIds', async () => {
    h = await harness({ seed: 7 });
    const alice = await fieldSignIn('alice');
    const bob = await fieldSignIn('bob');
    await available(alice);
    await available(bob);
    const start = `${alice.app._links.self?.href}/communication/messagingInvitations`;
    const invited = await bare(
      h.url,
      'POST',
      joined(start),
      { ...alice.auth, ...json },
      JSON.stringify({ To: 'sip:bob@contoso.com', Subject: 'Field test' }),
    );
    expect(invited.status).toBe(201);
    const ring = await events(bob);
    const invitation = find(ring.all, 'messagingInvitation', 'started');
    await events(alice);
    const accept =
      (
        invitation._embedded as unknown as Record<
          string,
          { _links: Record<string, { href: string }> }
        >
      )?.messagingInvitation?._links.accept?.href ?? `${invitation.link.href}/accept`;
    expect((await bare(h.url, 'POST', joined(accept), bob.auth)).status).toBe(204);
    const aliceSide = await events(alice);
    await events(bob);
    const conversation = find(aliceSide.all, 'conversation').link.href;
    const send = `${conversation}/messaging/messages`;
    const sent = await bare(
      h.url,
      'POST',
      joined(send),
      { ...alice.auth, 'Content-Type': 'text/plain' },
      'Hello Bob',
    );
    expect(sent.status).toBe(201);
    const got = find((await events(bob)).all, 'message', 'completed');
    const text = (m: Ev) =>
      dataUriText(
        parseDataUri(
          (m._embedded as unknown as Record<string, { _links: Record<string, { href: string }> }>)
            .message?._links.plainMessage?.href ?? '',
        ),
      );
    expect(text(got)).toBe('Hello Bob');
    const bobConversation = got.link.href.split('/messaging/')[0] ?? '';
    const reply = await bare(
      h.url,
      'POST',
      joined(`${bobConversation}/messaging/messages`),
      { ...bob.auth, 'Content-Type': 'text/plain' },
      'Hi Alice',
    );
    expect(reply.status).toBe(201);
    const back = await events(alice);
    expect(back.all.filter((e) => e.link.rel === 'message').map((e) => e.type)).toEqual([
      'completed',
    ]);
    expect(text(find(back.all, 'message', 'completed'))).toBe('Hi Alice');
    // Consecutive events of one sender share one block; participant hrefs keep their @.
    for (const batch of [ring.batch, aliceSide.batch, back.batch]) {
      const senders = batch.sender.map((s) => s.href);
      expect(senders.filter((s, i) => s === senders[i - 1])).toEqual([]);
    }
    const participant = find(aliceSide.all, 'participant').link.href;
    expect(participant).toMatch(/\/participants\/bob@contoso\.com$/);
  });

  it('keeps operationId required when asked to (requireOperationId)', async () => {
    h = await harness({ seed: 7, requireOperationId: true });
    const alice = await fieldSignIn('alice');
    const bob = await fieldSignIn('bob');
    await available(alice);
    await available(bob);
    const start = `${alice.app._links.self?.href}/communication/messagingInvitations`;
    await bare(
      h.url,
      'POST',
      start,
      { ...alice.auth, ...json },
      '{"to":"sip:bob@contoso.com","operationId":"o1"}',
    );
    const invitation = find((await events(bob)).all, 'messagingInvitation', 'started');
    await bare(h.url, 'POST', `${invitation.link.href}/accept`, bob.auth);
    const conversation = find((await events(alice)).all, 'conversation').link.href;
    const res = await bare(
      h.url,
      'POST',
      `${conversation}/messaging/messages`,
      { ...alice.auth, 'Content-Type': 'text/plain' },
      'x',
    );
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ subcode: 'ParameterValidationFailure' });
  });
});
