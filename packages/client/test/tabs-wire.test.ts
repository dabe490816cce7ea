import {
  isUcwaAuthError,
  isUcwaHttpError,
  isUcwaLinkError,
  isUcwaNetworkError,
  isUcwaOriginError,
  isUcwaPreconditionFailedError,
  isUcwaResponseError,
  isUcwaTimeoutError,
  UcwaAuthError,
  UcwaHttpError,
  UcwaLinkError,
  UcwaNetworkError,
  UcwaOriginError,
  UcwaResponseError,
  UcwaTimeoutError,
} from '@ucwa/transport';
import { describe, expect, it } from 'vitest';
import {
  type SessionStatus,
  UcwaDiscoveryError,
  UcwaRedirectRefusedError,
  UcwaTabCommandError,
} from '../src/index.ts';
import { rebuildError } from '../src/tabs/rebuild-error.ts';
import { encodeError } from '../src/tabs/wire-error.ts';
import { decodeStatus, encodeStatus } from '../src/tabs/wire-status.ts';

const request = {
  method: 'GET',
  url: 'https://pool.contoso.com/ucwa/oauth/v1/applications/1/people',
  headers: { authorization: 'Bearer [REDACTED]' },
};

/** Through the channel: encoded, structured-cloned (as postMessage does), rebuilt. */
const across = (error: unknown): Error => rebuildError(structuredClone(encodeError(error)));

describe('errors crossing the tabs channel', () => {
  const http = new UcwaHttpError('failed with 409 Conflict/AlreadyExists', {
    request,
    response: {
      status: 409,
      statusText: 'Conflict',
      headers: new Headers({ 'x-ms-diagnostics': '1;reason="x"', 'x-ms-ucwaversion': '2.0' }),
      body: {
        code: 'Conflict',
        subcode: 'AlreadyExists',
        message: 'exists',
        debugInfo: { a: 'b' },
      },
    },
  });
  it.each([
    [
      'UcwaHttpError',
      http,
      isUcwaHttpError,
      ['status', 'code', 'subcode', 'serverMessage', 'diagnostics', 'ucwaVersion', 'debugInfo'],
    ],
    [
      'UcwaNetworkError',
      new UcwaNetworkError('connection refused', { request }),
      isUcwaNetworkError,
      [],
    ],
    [
      'UcwaTimeoutError',
      new UcwaTimeoutError('timed out', { request, timeout: 30_000 }),
      isUcwaTimeoutError,
      ['timeout'],
    ],
    [
      'UcwaAuthError',
      new UcwaAuthError('refused', {
        request,
        reason: 'invalid_grant',
        offeredGrants: ['password'],
      }),
      isUcwaAuthError,
      ['reason', 'offeredGrants'],
    ],
    [
      'UcwaOriginError',
      new UcwaOriginError('untrusted', { request, url: 'https://evil.example/' }),
      isUcwaOriginError,
      ['url'],
    ],
    [
      'UcwaResponseError',
      new UcwaResponseError('unreadable', { request, status: 200, contentType: 'text/html' }),
      isUcwaResponseError,
      ['status', 'contentType'],
    ],
    [
      'UcwaLinkError',
      new UcwaLinkError('no link', { resourceRel: 'me', missingRel: 'note', minRevision: 2 }),
      isUcwaLinkError,
      ['resourceRel', 'missingRel', 'minRevision'],
    ],
  ] as const)(
    '%s comes back as its class, with its message, request and fields',
    (_, error, guard, fields) => {
      const rebuilt = across(error);
      expect(guard(rebuilt)).toBe(true);
      expect(rebuilt.name).toBe(error.name);
      expect(rebuilt.message).toBe(error.message);
      expect((rebuilt as { request?: unknown }).request).toEqual(error.request);
      for (const field of fields)
        expect((rebuilt as unknown as Record<string, unknown>)[field]).toEqual(
          (error as unknown as Record<string, unknown>)[field],
        );
    },
  );

  it('a 412 is an HTTP error (the relay transport makes it a UcwaPreconditionFailedError with a retry)', () => {
    const rebuilt = across(
      new UcwaHttpError('failed with 412', {
        request,
        response: {
          status: 412,
          statusText: 'Precondition Failed',
          headers: new Headers(),
          body: undefined,
        },
      }),
    );
    expect(isUcwaHttpError(rebuilt) && rebuilt.status).toBe(412);
    expect(isUcwaPreconditionFailedError(rebuilt)).toBe(false);
  });

  it("the client's discovery and redirect errors come back as their classes, attempts included", () => {
    const discovery = across(
      new UcwaDiscoveryError('nothing answered', [
        {
          url: 'https://lyncdiscoverinternal.contoso.com/',
          error: new UcwaNetworkError('refused', { request }),
        },
      ]),
    );
    expect(discovery).toBeInstanceOf(UcwaDiscoveryError);
    const attempt = discovery instanceof UcwaDiscoveryError ? discovery.attempts[0] : undefined;
    expect(attempt?.url).toBe('https://lyncdiscoverinternal.contoso.com/');
    expect(isUcwaNetworkError(attempt?.error)).toBe(true);
    const redirect = across(new UcwaRedirectRefusedError('https://evil.example/x', 'user'));
    expect(redirect).toBeInstanceOf(UcwaRedirectRefusedError);
    expect(redirect).toMatchObject({ url: 'https://evil.example/x', source: 'user' });
  });

  it('anything else is a UcwaTabCommandError naming the original', () => {
    const other = across(new RangeError('out of range'));
    expect(other).toBeInstanceOf(UcwaTabCommandError);
    expect(other).toMatchObject({ remoteName: 'RangeError', message: 'out of range' });
    const left = across(new UcwaTabCommandError('gone', { name: 'UcwaTabLeaderLeft' }));
    expect(left).toMatchObject({ name: 'UcwaTabCommandError', remoteName: 'UcwaTabLeaderLeft' });
    expect(across('a string')).toMatchObject({ remoteName: 'Error', message: 'a string' });
    const aborted = across(new DOMException('stop', 'AbortError'));
    expect(aborted).toBeInstanceOf(DOMException);
    expect(aborted.name).toBe('AbortError');
  });
});

describe('statuses crossing the tabs channel', () => {
  const refused = new UcwaAuthError('refused', { request, reason: 'invalid_grant' });
  it.each<SessionStatus>([
    { state: 'ready' },
    { state: 'signingIn' },
    { state: 'reconnecting', reason: { kind: 'channelFailed', error: new UcwaNetworkError('x') } },
    { state: 'reconnecting', reason: { kind: 'applicationLost', error: undefined } },
    { state: 'signedOut', reason: { kind: 'signOut' } },
    { state: 'signedOut', reason: { kind: 'authFailed', error: refused } },
    { state: 'signedOut', reason: { kind: 'replaced', error: refused } },
    { state: 'signedOut', reason: { kind: 'failed', error: refused } },
    { state: 'signedOut', reason: { kind: 'aborted', cause: new DOMException('x', 'AbortError') } },
  ])('$state $reason.kind keeps its state, reason and error class', (status) => {
    const back = decodeStatus(structuredClone(encodeStatus(status)));
    expect(back.state).toBe(status.state);
    if (!('reason' in status) || !('reason' in back)) return;
    expect(back.reason.kind).toBe(status.reason.kind);
    const error = (s: SessionStatus) =>
      'reason' in s
        ? 'error' in s.reason
          ? s.reason.error
          : 'cause' in s.reason
            ? s.reason.cause
            : undefined
        : undefined;
    expect((error(back) as Error | undefined)?.name).toBe(
      (error(status) as Error | undefined)?.name,
    );
  });
});
