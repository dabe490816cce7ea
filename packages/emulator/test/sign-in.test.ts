import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, harness, JSON_TYPE, token, XML_TYPE } from './helpers.ts';

let h: Harness;
afterEach(async () => {
  await h?.server.close();
});

async function flow(format: 'json' | 'xml'): Promise<string> {
  const accept = format === 'json' ? JSON_TYPE : XML_TYPE;
  const root = await fetch(`${h.url}/`, { headers: { Accept: accept } });
  expect(root.status).toBe(200);
  expect(root.headers.get('X-MS-UcwaVersion')).toBe('2.0');
  const rootText = await root.text();
  const userHref =
    format === 'json'
      ? (JSON.parse(rootText) as { _links: { user: { href: string } } })._links.user.href
      : (/<link rel="user" href="([^"]+)"/.exec(rootText)?.[1] ?? '').replace(/&amp;/g, '&');
  expect(userHref).toContain('/Autodiscover/AutodiscoverService.svc/root/oauth/user');
  const challenge = await fetch(userHref, { headers: { Accept: accept } });
  expect(challenge.status).toBe(401);
  const www = challenge.headers.get('WWW-Authenticate') ?? '';
  expect(www).toContain('Bearer trusted_issuers=');
  expect(www).toContain(
    `MsRtcOAuth href="${h.url}/WebTicket/oauthtoken",grant_type="urn:microsoft.rtc:windows,urn:microsoft.rtc:anonmeeting,password"`,
  );
  const bearer = await token(h.url, 'alice@contoso.com');
  const user = await fetch(userHref, {
    headers: { Accept: accept, Authorization: `Bearer ${bearer}` },
  });
  expect(user.status).toBe(200);
  const userText = await user.text();
  expect(userText).toContain(`${h.url}/ucwa/oauth/v1/applications`);
  const body =
    format === 'json'
      ? JSON.stringify({ UserAgent: 'tests', EndpointId: 'ep1', Culture: 'en-US' })
      : `<?xml version="1.0"?><input xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa"><property name="UserAgent">tests</property><property name="EndpointId">ep1</property><property name="Culture">en-US</property></input>`;
  const app = await fetch(`${h.url}/ucwa/oauth/v1/applications`, {
    method: 'POST',
    headers: { Accept: accept, 'Content-Type': accept, Authorization: `Bearer ${bearer}` },
    body,
  });
  expect(app.status).toBe(201);
  expect(app.headers.get('Content-Type')).toContain(format === 'json' ? 'json' : 'xml');
  return app.text();
}

describe('sign-in flow', () => {
  it('goes from discovery to an application in JSON', async () => {
    h = await harness();
    const app = JSON.parse(await flow('json')) as {
      rel: string;
      _links: object;
      _embedded: object;
    };
    expect(app.rel).toBe('application');
    expect(Object.keys(app._links)).toEqual(
      expect.arrayContaining(['self', 'policies', 'batch', 'events']),
    );
    expect(Object.keys(app._embedded).sort()).toEqual([
      'communication',
      'me',
      'onlineMeetings',
      'people',
    ]);
  });

  it('goes from discovery to an application in XML', async () => {
    h = await harness();
    const app = await flow('xml');
    expect(app).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><resource rel="application"/);
    expect(app).toContain('<link rel="events" href="/ucwa/oauth/v1/applications/');
    expect(app).toContain('<resource rel="me"');
    expect(app).toContain('<property name="culture">en-US</property>');
  });

  it('serves the XML default with --format-default xml and a redirect when configured', async () => {
    h = await harness({
      formatDefault: 'xml',
      discoveryRedirect: 'https://pool2.contoso.com/Autodiscover/AutodiscoverService.svc/root',
    });
    const root = await fetch(`${h.url}/`);
    const text = await root.text();
    expect(text).toContain('<link rel="redirect" href="https://pool2.contoso.com/');
    expect(text).not.toContain('rel="user"');
    const internal = await fetch(`${h.url}/Autodiscover/AutodiscoverService.svc/root/internal`);
    expect(await internal.text()).toContain('root/internal');
  });
});

describe('token endpoint', () => {
  const post = (body: Record<string, string>) =>
    fetch(`${h.url}/WebTicket/oauthtoken`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(body).toString(),
    });

  it.each([
    [{ grant_type: 'password', username: 'alice@contoso.com', password: 'nope' }, 'invalid_grant'],
    [{ grant_type: 'password', username: 'alice@contoso.com' }, 'invalid_request'],
    [{ username: 'alice' }, 'invalid_request'],
    [{ grant_type: 'client_credentials' }, 'unsupported_grant_type'],
    [{ grant_type: 'urn:microsoft.rtc:windows' }, 'invalid_grant'],
    [
      {
        grant_type: 'urn:microsoft.rtc:anonmeeting',
        password: 'X',
        ms_rtc_conferenceuri: 'sip:a@b;gruu;opaque=app:conf:focus:id:Y',
      },
      'invalid_grant',
    ],
  ])('refuses %j with %s', async (body, error) => {
    h = await harness();
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(((await res.json()) as { error: string }).error).toBe(error);
  });

  it('answers the passive grant with ms_rtc_passiveauthuri', async () => {
    h = await harness();
    const body = (await (await post({ grant_type: 'urn:microsoft.rtc:passive' })).json()) as Record<
      string,
      string
    >;
    expect(body).toEqual({
      error: 'invalid_grant',
      ms_rtc_passiveauthuri: expect.stringContaining('PassiveAuth'),
    });
  });

  it('signs in the configured windows user, 8 h tokens', async () => {
    h = await harness({ windowsUser: 'bob@contoso.com' });
    const body = (await (await post({ grant_type: 'urn:microsoft.rtc:windows' })).json()) as Record<
      string,
      unknown
    >;
    expect(body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 28800,
      ms_rtc_identityscope: 'local',
    });
  });

  it('issues 1 h anonymous meeting tokens and renews them with the same identity', async () => {
    h = await harness({
      meetings: [{ organizer: 'alice@contoso.com', onlineMeetingId: 'G03W98W4' }],
    });
    const conf = 'sip:alice@contoso.com;gruu;opaque=app:conf:focus:id:G03W98W4';
    const first = (await (
      await post({
        grant_type: 'urn:microsoft.rtc:anonmeeting',
        password: 'G03W98W4',
        ms_rtc_conferenceuri: conf,
      })
    ).json()) as Record<string, string | number>;
    expect(first.expires_in).toBe(3600);
    const renewed = await post({
      grant_type: 'urn:microsoft.rtc:anonmeeting',
      password: 'G03W98W4',
      ms_rtc_conferenceuri: conf,
      ms_rtc_renew: String(first.access_token),
    });
    expect(renewed.status).toBe(200);
    const identity = async (bearer: string): Promise<unknown> => {
      const res = await fetch(`${h.url}/ucwa/oauth/v1/applications`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ UserAgent: 'anon', EndpointId: bearer, Culture: 'en-US' }),
      });
      const app = (await res.json()) as { _embedded: { me: { uri: string } } };
      return app._embedded.me.uri;
    };
    const second = ((await renewed.json()) as { access_token: string }).access_token;
    expect(await identity(second)).toBe(await identity(String(first.access_token)));
  });

  it('refuses expired tokens and tokens used on another origin with the challenge', async () => {
    h = await harness({ tokenLifetimeS: 60 });
    const bearer = await token(h.url, 'alice');
    const user = `${h.url}/Autodiscover/AutodiscoverService.svc/root/oauth/user`;
    expect((await fetch(user, { headers: { Authorization: `Bearer ${bearer}` } })).status).toBe(
      200,
    );
    const other = user.replace('127.0.0.1', 'localhost');
    const wrongOrigin = await fetch(other, { headers: { Authorization: `Bearer ${bearer}` } });
    expect(wrongOrigin.status).toBe(401);
    h.clock.advance(61_000);
    const expired = await fetch(user, { headers: { Authorization: `Bearer ${bearer}` } });
    expect(expired.status).toBe(401);
    expect(expired.headers.get('WWW-Authenticate')).toContain('MsRtcOAuth');
  });
});
