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
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type SessionStatus,
  UcwaDiscoveryError,
  UcwaRedirectRefusedError,
  UcwaTabCommandError,
} from '../src/index.ts';
import { rebuildError } from '../src/tabs/rebuild-error.ts';
import { TabCoordinator } from '../src/tabs/tab-coordinator.ts';
import { isTabMessage } from '../src/tabs/tab-message-guard.ts';
import { isTransientFailure } from '../src/tabs/transient-failure.ts';
import { encodeError } from '../src/tabs/wire-error.ts';
import { decodeStatus, encodeStatus } from '../src/tabs/wire-status.ts';
import { manualTimers } from './tabs-support.ts';

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

describe('messages on the tabs channel', () => {
  const snapshot = {
    version: 1,
    endpointId: 'e',
    userAgent: 'u',
    culture: 'en-US',
    instanceId: 'i',
    applicationHref: 'https://pool.contoso.com/ucwa/oauth/v1/applications/1',
    discovery: { userUrl: 'https://a/', applicationsUrl: 'https://b/' },
    cursor: { href: 'https://pool.contoso.com/ucwa/oauth/v1/applications/1/events?ack=1' },
  };
  const wellFormed = [
    { t: 'claim', id: 'a' },
    { t: 'claim', id: 'a', opening: true },
    { t: 'heartbeat', id: 'a', snapshot, status: { state: 'ready' } },
    { t: 'bye', id: 'a', snapshot },
    {
      t: 'event',
      event: { type: 'added', link: { rel: 'message', href: '/m' } },
      sender: { rel: 'conversation', href: '/c' },
    },
    { t: 'status', id: 'a', status: { state: 'signedOut', kind: 'signOut' } },
    { t: 'rebuild', resumed: true },
    { t: 'restore', snapshot },
    { t: 'command', from: 'b', seq: 3, command: { method: 'GET', href: '/x' } },
    { t: 'cancel', from: 'b', seq: 3 },
    { t: 'result', to: 'b', seq: 3, result: { ok: true, status: 200 } },
  ];

  it.each(wellFormed)('takes a well-formed $t', (message) => {
    expect(isTabMessage(message)).toBe(true);
  });

  it('refuses a status that is none of the four, or lacks its reason', () => {
    for (const status of [
      { state: 'banana' },
      { state: 'signedOut' },
      { state: 'reconnecting', kind: 1 },
    ])
      expect(isTabMessage({ t: 'status', id: 'a', status })).toBe(false);
  });

  it('refuses a known kind missing a field it needs, whatever else it carries', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...wellFormed),
        fc.nat(),
        fc.anything(),
        (message, pick, value) => {
          const fields = Object.keys(message).filter((k) => k !== 't' && k !== 'opening');
          const field = fields[pick % fields.length] ?? 'id';
          const broken: Record<string, unknown> = { ...message };
          delete broken[field];
          expect(isTabMessage(broken)).toBe(false);
          // A field of another type is refused too.
          const replaced = { ...message, [field]: value };
          const original = (message as Record<string, unknown>)[field];
          if (isTabMessage(replaced)) expect(typeof value).toBe(typeof original);
        },
      ),
    );
  });

  it('a following tab never throws on what it takes from the channel', () => {
    fc.assert(
      fc.property(fc.constantFrom(...wellFormed), fc.anything(), (message, extra) => {
        const coordinator = new TabCoordinator({
          id: 'tab-z',
          channel: { postMessage: () => {}, addEventListener: () => {}, close: () => {} },
          timers: manualTimers().timers,
          heartbeatMs: 50,
          leaderTimeoutMs: 400,
          claimMs: 20,
          holdMs: 1_000,
          open: () => Promise.reject(new Error('not in this test')),
        });
        const data = { extra, ...message };
        if (isTabMessage(data)) expect(() => coordinator.receive(data)).not.toThrow();
      }),
    );
  });
});

describe('which failed sign-ins an election tries again', () => {
  const status = (code: number) =>
    new UcwaHttpError(`failed with ${code}`, {
      request,
      response: { status: code, statusText: '', headers: new Headers(), body: undefined },
    });
  const auth = (reason: string) => new UcwaAuthError('refused', { request, reason });
  const network = new UcwaNetworkError('refused', { request });
  const discovery = (...errors: unknown[]) =>
    new UcwaDiscoveryError(
      'nothing answered',
      errors.map((error, n) => ({ url: `https://root${n}.contoso.com/`, error })),
    );
  it.each([
    ['no network', network, true],
    ['a timeout', new UcwaTimeoutError('slow', { request, timeout: 1 }), true],
    ['500', status(500), true],
    ['503', status(503), true],
    ['429', status(429), true],
    ['403', status(403), false],
    ['404', status(404), false],
    ['a wrong password (invalid_grant)', auth('invalid_grant'), false],
    ['a token service failing (http-503)', auth('http-503'), true],
    ['a token service error (server_error)', auth('server_error'), true],
    ['a token service refusing (http-400)', auth('http-400'), false],
    ['no discovery root reachable', discovery(network, network), true],
    ['a discovery root answering 404', discovery(network, status(404)), false],
    ['discovery with no attempt', discovery(), false],
    ['a refused redirect', new UcwaRedirectRefusedError('https://evil.example/', 'user'), false],
    ['a bug', new TypeError('x is undefined'), false],
  ] as const)('%s: %s', (_, error, transient) => {
    expect(isTransientFailure(error)).toBe(transient);
  });
});
