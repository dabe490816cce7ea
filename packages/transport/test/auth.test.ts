import { describe, expect, it } from 'vitest';
import {
  type AuthOption,
  createTransport,
  isUcwaAuthError,
  type TransportOptions,
  UcwaAuthError,
} from '../src/index.ts';
import {
  countingProvider,
  fail,
  fakeFetch,
  type Handler,
  ORIGIN,
  ok,
  resource,
  type Seen,
} from './helpers/fake-server.ts';

const CHALLENGE =
  'MsRtcOAuth href=https://ucwa.test/WebTicket/oauthtoken,grant_type="urn:microsoft.rtc:windows,urn:microsoft.rtc:anonmeeting,password,urn:microsoft.rtc:passive"';

function tokenAnswer(token: string, expiresIn = 28_800): Response {
  return new Response(
    JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: expiresIn }),
    {
      headers: { 'content-type': 'application/json' },
    },
  );
}

/** A UCWA server with the MsRtcOAuth flow: tokens `cwt-1`, `cwt-2`, ...; `valid` decides which it accepts. */
function ucwaServer(
  options: { challenge?: string; valid?: (token: string) => boolean; tokenEndpoint?: Handler } = {},
) {
  let issued = 0;
  const valid = options.valid ?? (() => true);
  const handler: Handler = (request, index) => {
    const url = new URL(request.url);
    if (url.pathname === '/WebTicket/oauthtoken') {
      if (options.tokenEndpoint !== undefined) return options.tokenEndpoint(request, index);
      issued++;
      return tokenAnswer(`cwt-${issued}`);
    }
    const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
    if (token === undefined || !valid(token)) {
      return new Response(null, {
        status: 401,
        headers: { 'www-authenticate': options.challenge ?? CHALLENGE },
      });
    }
    return ok(
      resource(
        'user',
        url.pathname,
        {},
        { applications: { rel: 'applications', href: '/ucwa/apps' } },
      ),
    );
  };
  return fakeFetch(handler);
}

function setup(
  fetch: ReturnType<typeof fakeFetch>,
  auth: AuthOption,
  options: Partial<TransportOptions> = {},
) {
  return createTransport({ origin: ORIGIN, format: 'json', auth, fetch, retry: false, ...options });
}

const tokenRequests = (seen: readonly Seen[]) =>
  seen.filter((s) => s.url.endsWith('/WebTicket/oauthtoken'));

describe('MsRtcOAuth challenge flow', () => {
  it.each([
    {
      grant: 'password',
      auth: { username: 'john@contoso.test', password: 'p@ss w&rd' },
      form: { grant_type: 'password', username: 'john@contoso.test', password: 'p@ss w&rd' },
    },
    {
      grant: 'windows',
      auth: { grant: 'windows' as const },
      form: { grant_type: 'urn:microsoft.rtc:windows' },
    },
    {
      grant: 'anonmeeting',
      auth: {
        grant: 'anonmeeting' as const,
        conferenceUri: 'sip:john@contoso.test;gruu;opaque=app:conf:focus:id:G03W98W4',
        password: 'G03W98W4',
      },
      form: {
        grant_type: 'urn:microsoft.rtc:anonmeeting',
        password: 'G03W98W4',
        ms_rtc_conferenceuri: 'sip:john@contoso.test;gruu;opaque=app:conf:focus:id:G03W98W4',
      },
    },
    {
      grant: 'passive',
      auth: { grant: 'passive' as const },
      form: { grant_type: 'urn:microsoft.rtc:passive' },
    },
  ])('GET on a protected resource runs the $grant grant and replays', async ({ auth, form }) => {
    const fetch = ucwaServer();
    const user = await setup(fetch, auth).get('/Autodiscover/user');
    expect(user.rel).toBe('user');
    expect(fetch.seen.map((s) => `${s.method} ${new URL(s.url).pathname}`)).toEqual([
      'GET /Autodiscover/user',
      'POST /WebTicket/oauthtoken',
      'GET /Autodiscover/user',
    ]);
    const [first, post, replay] = fetch.seen;
    expect(first?.headers.has('authorization')).toBe(false);
    expect(post?.headers.get('content-type')).toBe(
      'application/x-www-form-urlencoded;charset=UTF-8',
    );
    expect(Object.fromEntries(new URLSearchParams(post?.body))).toEqual(form);
    expect(replay?.headers.get('authorization')).toBe('Bearer cwt-1');
  });

  it('picks the first allowed grant the server offers', async () => {
    const fetch = ucwaServer({
      challenge: 'MsRtcOAuth href="/WebTicket/oauthtoken",grant_type="password"',
    });
    await setup(fetch, [{ grant: 'windows' }, { username: 'u', password: 'p' }]).get('/user');
    expect(new URLSearchParams(tokenRequests(fetch.seen)[0]?.body).get('grant_type')).toBe(
      'password',
    );
  });

  it.each([
    {
      name: 'invalid_grant',
      answer: () => fail(400, undefined),
      body: '{"error":"invalid_grant"}',
      reason: 'invalid_grant',
      passive: undefined,
    },
    {
      name: 'unsupported_grant_type',
      body: '{"error":"unsupported_grant_type"}',
      reason: 'unsupported_grant_type',
      passive: undefined,
    },
    {
      name: 'passive sign-in needed',
      body: '{"error":"invalid_grant","ms_rtc_passiveauthuri":"https:\\/\\/ucwa.test\\/PassiveAuth\\/PassiveAuth.aspx"}',
      reason: 'invalid_grant',
      passive: 'https://ucwa.test/PassiveAuth/PassiveAuth.aspx',
    },
    { name: 'a proxy page', body: '<html/>', reason: 'http-400', passive: undefined },
  ])('maps the token endpoint’s $name to UcwaAuthError', async ({ body, reason, passive }) => {
    const fetch = ucwaServer({
      tokenEndpoint: () =>
        new Response(body, { status: 400, headers: { 'content-type': 'application/json' } }),
    });
    const error = await setup(fetch, { username: 'u', password: 'secret-pw' })
      .get('/user')
      .catch((e: unknown) => e);
    if (!isUcwaAuthError(error)) throw error;
    expect(error.reason).toBe(reason);
    expect(error.passiveAuthUri).toBe(passive);
    expect(error.offeredGrants).toContain('password');
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain('secret-pw');
  });

  it('refuses when no allowed grant is offered', async () => {
    const fetch = ucwaServer({
      challenge: 'MsRtcOAuth href="/WebTicket/oauthtoken",grant_type="urn:microsoft.rtc:windows"',
    });
    const error = await setup(fetch, { username: 'u', password: 'p' })
      .get('/user')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'UcwaAuthError',
      reason: 'no-matching-grant',
      offeredGrants: ['urn:microsoft.rtc:windows'],
    });
    expect(tokenRequests(fetch.seen)).toHaveLength(0);
  });

  it('says so when the server offers only Bearer (Azure AD)', async () => {
    const fetch = ucwaServer({
      challenge: 'Bearer client_id="c1", authorization_uri="https://login.test/authorize"',
    });
    const error = await setup(fetch, { username: 'u', password: 'p' })
      .get('/user')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'bearer-only', bearer: { client_id: 'c1' } });
  });

  it('never posts credentials to a token endpoint on another origin', async () => {
    const fetch = ucwaServer({
      challenge: 'MsRtcOAuth href="https://evil.test/oauthtoken",grant_type="password"',
    });
    const error = await setup(fetch, { username: 'u', password: 'p' })
      .get('/user')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'UcwaOriginError' });
    expect(fetch.seen.every((s) => s.url.startsWith(ORIGIN))).toBe(true);
  });

  it('renews an anonymous meeting token with ms_rtc_renew before it expires', async () => {
    let clock = 0;
    const fetch = ucwaServer();
    const transport = setup(
      fetch,
      { grant: 'anonmeeting', conferenceUri: 'sip:c', password: 'k' },
      { now: () => clock },
    );
    await transport.get('/user');
    clock = 28_800_000 - 299_000; // inside the 5 minute margin
    await transport.get('/user');
    const [first, renewal] = tokenRequests(fetch.seen);
    expect(new URLSearchParams(first?.body).has('ms_rtc_renew')).toBe(false);
    expect(new URLSearchParams(renewal?.body).get('ms_rtc_renew')).toBe('cwt-1');
    expect(fetch.seen.at(-1)?.headers.get('authorization')).toBe('Bearer cwt-2');
  });
});

describe('token lifetime', () => {
  it('refreshes a provider’s token proactively inside the margin (default 5 minutes)', async () => {
    let clock = 1_000_000;
    const provider = countingProvider(3_600_000, () => clock);
    const fetch = fakeFetch(() => ok(resource('me', '/me')));
    const transport = setup(fetch, provider, { now: () => clock });
    await transport.get('/me');
    clock += 3_600_000 - 300_001;
    await transport.get('/me');
    clock += 2;
    await transport.get('/me');
    expect(provider.calls).toEqual(['initial', 'expiring']);
    expect(fetch.seen.map((s) => s.headers.get('authorization'))).toEqual([
      'Bearer token-1',
      'Bearer token-1',
      'Bearer token-2',
    ]);
  });

  it('50 parallel requests on an expired token cause exactly one token request', async () => {
    let current = 'cwt-0';
    let issued = 0;
    const fetch = ucwaServer({
      valid: (token) => token === current,
      tokenEndpoint: () => {
        issued++;
        current = `cwt-${issued}`;
        return tokenAnswer(current);
      },
    });
    const transport = setup(fetch, { username: 'u', password: 'p' });
    await transport.get('/user');
    expect(issued).toBe(1);
    current = 'revoked'; // the server expires cwt-1 early
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => transport.get(`/user/${i}`)),
    );
    expect(results).toHaveLength(50);
    expect(issued).toBe(2); // sign-in, then exactly one refresh for all 50
    expect(tokenRequests(fetch.seen)).toHaveLength(2);
    expect(
      fetch.seen.filter((s) => s.headers.get('authorization') === 'Bearer cwt-2'),
    ).toHaveLength(50);
  });

  it('a provider asked after a 401 is asked once for 50 parallel requests', async () => {
    const provider = countingProvider();
    const fetch = fakeFetch((request) =>
      request.headers.get('authorization') === 'Bearer token-2'
        ? ok(resource('me', '/me'))
        : fail(401),
    );
    const transport = setup(fetch, provider);
    await Promise.all(Array.from({ length: 50 }, () => transport.get('/me')));
    expect(provider.calls).toEqual(['initial', 'unauthorized']);
  });

  it('a second 401 after a fresh token is an error', async () => {
    const provider = countingProvider();
    const fetch = fakeFetch(() => fail(401, { code: 'Unauthorized' }));
    const error = await setup(fetch, provider)
      .get('/me')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'UcwaAuthError', reason: 'unauthorized' });
    expect((error as Error).cause).toMatchObject({ name: 'UcwaHttpError', status: 401 });
    expect(fetch.seen).toHaveLength(2);
  });

  it('wraps a failing provider', async () => {
    const fetch = fakeFetch(() => ok(resource('me', '/me')));
    const boom = new Error('MSAL said no');
    const error = await setup(fetch, { getToken: () => Promise.reject(boom) })
      .get('/me')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'UcwaAuthError', reason: 'provider-failed', cause: boom });
    expect(fetch.seen).toHaveLength(0);
  });

  it("passes a provider's own transport error through: a refused grant stays invalid_grant", async () => {
    const fetch = fakeFetch(() => ok(resource('me', '/me')));
    const refused = new UcwaAuthError('the token service refused the grant', {
      reason: 'invalid_grant',
    });
    const error = await setup(fetch, { getToken: () => Promise.reject(refused) })
      .get('/me')
      .catch((e: unknown) => e);
    expect(error).toBe(refused);
    expect(fetch.seen).toHaveLength(0);
  });

  it('never logs a token or a password', async () => {
    const lines: string[] = [];
    const logger = { debug: (m: string, d?: object) => lines.push(`${m} ${JSON.stringify(d)}`) };
    const fetch = ucwaServer();
    await setup(fetch, { username: 'u', password: 'hunter2' }, { logger }).get(
      '/user?access_token=x',
    );
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toMatch(/cwt-1|hunter2|access_token=x/);
  });
});
