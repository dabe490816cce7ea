import { describe, expect, it } from 'vitest';
import { UcwaHttpError } from '../src/errors/http-error.ts';
import { summarizeRequest } from '../src/errors/request-summary.ts';
import {
  isUcwaAuthError,
  isUcwaHttpError,
  isUcwaLinkError,
  isUcwaNetworkError,
  isUcwaOriginError,
  isUcwaPreconditionFailedError,
  isUcwaResponseError,
  isUcwaTransportError,
  UcwaPreconditionFailedError,
} from '../src/index.ts';
import { fail, fakeTransport, JSON_TYPE, ORIGIN, ok, resource } from './helpers/fake-server.ts';

const setup = fakeTransport;

const rejection = (promise: Promise<unknown>) => promise.catch((error: unknown) => error);

describe('answers the network delivered are UcwaResponseError, not UcwaNetworkError', () => {
  it('a redirect whose Location is not a URL', async () => {
    const { fetch, transport } = setup(
      () => new Response(null, { status: 302, headers: { location: 'http://[bad' } }),
    );
    const error = await rejection(transport.get('/ucwa/x'));
    expect(isUcwaResponseError(error)).toBe(true);
    expect(isUcwaNetworkError(error)).toBe(false);
    expect(error).toMatchObject({ status: 302 });
    expect(fetch.seen).toHaveLength(1);
  });

  it('more than five redirects', async () => {
    const { fetch, transport } = setup(
      (_request, index) =>
        new Response(null, { status: 302, headers: { location: `/ucwa/hop${index}` } }),
    );
    const error = await rejection(transport.get('/ucwa/x'));
    expect(isUcwaResponseError(error)).toBe(true);
    expect(fetch.seen).toHaveLength(6);
  });

  it('a 201 whose Location is not a URL', async () => {
    const { transport } = setup(
      () => new Response(null, { status: 201, headers: { location: 'https://[bad' } }),
    );
    const error = await rejection(transport.post('/ucwa/apps', { properties: {} }));
    expect(isUcwaResponseError(error)).toBe(true);
    expect(error).toMatchObject({ status: 201 });
  });

  it('a batch part with an invalid header line or status line fails that part only', async () => {
    const part = (message: string) =>
      `--b\r\nContent-Type: application/http; msgtype=response\r\n\r\n${message}\r\n`;
    const good = `HTTP/1.1 200 OK\r\nContent-Type: ${JSON_TYPE}\r\n\r\n{"rel":"me","_links":{"self":{"href":"/me"}}}`;
    const body = [
      part(good),
      part('HTTP/1.1 200 OK\r\nBad Header: x\r\n\r\n'),
      part('HTTX 2OO\r\n\r\n'),
      '--b--\r\n',
    ].join('');
    const { transport } = setup(
      () => new Response(body, { headers: { 'content-type': 'multipart/batching;boundary=b' } }),
    );
    const results = await transport.batch(
      '/ucwa/batch',
      ['/ucwa/a', '/ucwa/b', '/ucwa/c'].map((href) => ({ method: 'GET' as const, href })),
    );
    expect(results.map((r) => r.ok)).toEqual([true, false, false]);
    for (const result of results.slice(1)) {
      expect(!result.ok && isUcwaResponseError(result.error)).toBe(true);
    }
  });
});

describe('caller headers', () => {
  it.each([
    { headers: { 'x-note': 'a\r\nAuthorization: Bearer stolen' } },
    { headers: [['x-note', 'a\nb']] as [string, string][] },
    { headers: { 'x-note\r\n': 'a' } },
  ])('CR or LF in $headers is a TypeError before anything is sent', async ({ headers }) => {
    const { fetch, transport } = setup(() => ok(resource('me', '/me')));
    const error = await rejection(transport.get('/me', { headers }));
    expect(error).toBeInstanceOf(TypeError);
    expect(isUcwaTransportError(error)).toBe(false);
    expect((error as Error).message).not.toContain('stolen');
    expect(fetch.seen).toHaveLength(0);
  });
});

describe('a token no header can carry', () => {
  it('is a UcwaAuthError that repeats it not, and the slot is given back', async () => {
    let calls = 0;
    const { fetch, transport } = setup(() => ok(resource('me', '/me')), {
      limit: 1,
      auth: { getToken: async () => ({ accessToken: calls++ === 0 ? 'bad\ntoken' : 'good' }) },
    });
    const error = await rejection(transport.get('/me'));
    if (!isUcwaAuthError(error)) throw error;
    expect(error.reason).toBe('bad-token-response');
    expect(error.message).not.toContain('bad\n');
    expect(fetch.seen).toHaveLength(0);
    // The one outstanding-request slot is free again.
    await expect(transport.get('/me')).resolves.toMatchObject({ rel: 'me' });
  });
});

describe('secrets a server echoes', () => {
  it('the bearer token is redacted from the message, the body and the headers of a UcwaHttpError', async () => {
    const { transport } = setup((request) => {
      const sent = (request.headers.get('authorization') ?? '').replace('Bearer ', '');
      return fail(
        400,
        {
          code: 'BadRequest',
          message: `your token ${sent} (${encodeURIComponent(sent)}) is odd`,
          debugInfo: { token: sent },
          parameters: [{ name: 'echo', value: sent }],
        },
        { 'x-ms-diagnostics': `1000;reason="${sent}"` },
      );
    });
    const error = await rejection(transport.get('/ucwa/x'));
    if (!isUcwaHttpError(error)) throw error;
    const everything = JSON.stringify({
      message: error.message,
      serverMessage: error.serverMessage,
      debugInfo: error.debugInfo,
      parameters: error.parameters,
      diagnostics: error.diagnostics,
      headers: [...error.response.headers],
      body: error.response.body,
    });
    expect(everything).not.toContain('token-1');
    expect(error.serverMessage).toBe('your token [REDACTED] ([REDACTED]) is odd');
    expect(error.diagnostics).toBe('1000;reason="[REDACTED]"');
  });

  it('the password is redacted from what the token endpoint says', async () => {
    const password = 'S3cret pass/word';
    const { transport } = setup(
      (request) => {
        if (request.url.endsWith('/token')) {
          const echoed = new URLSearchParams(request.body).get('password') ?? '';
          return new Response(JSON.stringify({ error: `invalid_grant ${echoed}` }), {
            status: 400,
            headers: { 'content-type': 'application/json' },
          });
        }
        return new Response(null, {
          status: 401,
          headers: { 'www-authenticate': `MsRtcOAuth href=${ORIGIN}/token,grant_type="password"` },
        });
      },
      { auth: { username: 'u@contoso.test', password } },
    );
    const error = await rejection(transport.get('/user'));
    if (!isUcwaAuthError(error)) throw error;
    expect(error.message).not.toContain(password);
    expect(error.reason).toBe('invalid_grant [REDACTED]');
  });

  it('a decode failure repeats no token', async () => {
    const { transport } = setup(
      (request) =>
        new Response(`{"rel": "me", "oops": ${request.headers.get('authorization')}`, {
          headers: { 'content-type': JSON_TYPE },
        }),
    );
    const error = await rejection(transport.get('/ucwa/x'));
    expect(isUcwaResponseError(error)).toBe(true);
    expect((error as Error).message).not.toContain('token-1');
  });
});

describe('follow', () => {
  it('a missing link is a UcwaLinkError naming the resource and the rel; nothing is sent', async () => {
    const { fetch, transport } = setup(() => ok(resource('me', '/me')));
    const me = resource('me', '/ucwa/me');
    const error = await rejection(transport.follow(me, 'presence', { minRevision: 2 }));
    if (!isUcwaLinkError(error)) throw error;
    expect(error).toMatchObject({ resourceRel: 'me', missingRel: 'presence', minRevision: 2 });
    expect(error.message).toContain('presence');
    expect(isUcwaTransportError(error)).toBe(true);
    expect(fetch.seen).toHaveLength(0);
  });
});

describe('guards', () => {
  const request = summarizeRequest('PUT', `${ORIGIN}/ucwa/note`);
  const response = { status: 412, statusText: '', headers: new Headers(), body: undefined };

  it('cover subclasses, later ones included', () => {
    class ApplicationLost extends UcwaHttpError {}
    const lost = new ApplicationLost('gone', { request, response });
    expect(isUcwaHttpError(lost)).toBe(true);
    expect(isUcwaTransportError(lost)).toBe(true);
    const failed = new UcwaPreconditionFailedError('412', {
      request,
      response,
      retry: () => Promise.reject(new Error('unused')),
    });
    expect(isUcwaHttpError(failed)).toBe(true);
    expect(isUcwaPreconditionFailedError(failed)).toBe(true);
    expect(isUcwaOriginError(failed)).toBe(false);
  });

  it('match only the family, not an error that merely borrows a name', () => {
    const lookalike = Object.assign(new Error('x'), { name: 'UcwaHttpError' });
    expect(isUcwaHttpError(lookalike)).toBe(false);
    expect(isUcwaTransportError(new TypeError('x'))).toBe(false);
    expect(isUcwaTransportError(undefined)).toBe(false);
  });

  it('recognise an error of another copy of the package by its marker', () => {
    const fromAnotherCopy = new Error('x');
    for (const kind of ['UcwaTransportError', 'UcwaHttpError']) {
      Object.defineProperty(fromAnotherCopy, Symbol.for(`@ucwa/transport:${kind}`), {
        value: true,
      });
    }
    expect(isUcwaHttpError(fromAnotherCopy)).toBe(true);
  });
});
