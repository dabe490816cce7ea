import { UcwaAuthError, UcwaHttpError, UcwaNetworkError, UcwaTimeoutError } from '@ucwa/transport';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UcwaDiscoveryError, UcwaRedirectRefusedError } from '../src/index.ts';
import { TabCoordinator } from '../src/tabs/tab-coordinator.ts';
import { isTabMessage } from '../src/tabs/tab-message-guard.ts';
import { isTransientFailure } from '../src/tabs/transient-failure.ts';
import { manualTimers } from './tabs-support.ts';

const request = {
  method: 'GET',
  url: 'https://pool.contoso.com/ucwa/oauth/v1/applications/1',
  headers: {},
};

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
    ['408', status(408), true],
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
