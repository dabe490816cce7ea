import * as xml from '@ucwa/codec-xml';
import { describe, expect, it } from 'vitest';
import {
  createMemoryStorage,
  type Session,
  type SessionStatus,
  signIn,
  UcwaDiscoveryError,
  UcwaRedirectRefusedError,
} from '../src/index.ts';
import { emulator } from './support/emulators.ts';
import { hostMapFetch } from './support/host-map-fetch.ts';

const alice = { username: 'alice@contoso.com', password: 'demo' };
const application = { userAgent: 'client-test/1.0' };

async function signedIn(url: string): Promise<Session> {
  const session = await signIn({ discoveryUrl: `${url}/`, credentials: alice, application });
  return session;
}

describe.each(['json', 'xml'] as const)('signIn (%s)', (format) => {
  // Spread into every signIn below: the format, and the XML codec when it is needed.
  const speak = { format, ...(format === 'xml' ? { codecs: { xml } } : {}) };

  it('discovers, signs in and creates the application with a stored endpoint id', async () => {
    const server = await emulator();
    const storage = createMemoryStorage();
    const seen: SessionStatus['state'][] = [];
    const deleted: number[] = [];
    const session = await signIn({
      ...speak,
      discoveryUrl: `${server.url}/`,
      credentials: alice,
      application,
      storage,
      onStatus: (s) => seen.push(s.state),
      fetch: async (request, init) => {
        const response = await globalThis.fetch(request, init);
        if (request.method === 'DELETE') deleted.push(response.status);
        return response;
      },
    });
    expect(session.status.state).toBe('ready');
    expect(seen).toEqual(['signingIn', 'ready']);
    expect(session.application.rel).toBe('application');
    expect(session.application.properties.userAgent).toBe('client-test/1.0');
    const endpointId = await storage.getItem('ucwa:alice@contoso.com:endpointId');
    expect(endpointId).toMatch(/^[0-9a-f-]{36}$/);
    expect(session.application.properties.endpointId).toBe(endpointId);
    expect(await storage.getItem('ucwa:alice@contoso.com:discovery')).toContain('/applications');
    await session.signOut();
    expect(session.status).toEqual({ state: 'signedOut', reason: { kind: 'signOut' } });
    expect(deleted).toEqual([204]);
    // Signing out forgets the discovered URLs (RootURL.md), not the endpoint id.
    expect(await storage.getItem('ucwa:alice@contoso.com:discovery')).toBeNull();
    expect(await storage.getItem('ucwa:alice@contoso.com:endpointId')).toBe(endpointId);
    await expect(session.invoke(session.application, 'batch')).rejects.toMatchObject({
      name: 'UcwaSessionClosedError',
    });
  });

  it('falls back from the internal to the external root when the internal one cannot be reached', async () => {
    const server = await emulator();
    const net = hostMapFetch({
      'lyncdiscoverinternal.contoso.com': { refuse: true },
      'lyncdiscover.contoso.com': { to: server.url },
    });
    const session = await signIn({
      ...speak,
      domain: 'contoso.com',
      credentials: alice,
      application,
      fetch: net.fetch,
    });
    expect(net.log.slice(0, 2)).toEqual([
      'GET lyncdiscoverinternal.contoso.com/',
      'GET lyncdiscover.contoso.com/',
    ]);
    await session.signOut();
  });

  it.each([
    ['a 404', { status: 404 }],
    ['a 302 to another domain', { status: 302, location: 'https://evil.example/root' }],
  ] as const)('fails the internal root on %s and uses the external one', async (_, route) => {
    const server = await emulator();
    const net = hostMapFetch({
      'lyncdiscoverinternal.contoso.com': route,
      'lyncdiscover.contoso.com': { to: server.url },
    });
    const session = await signIn({
      ...speak,
      domain: 'contoso.com',
      credentials: alice,
      application,
      fetch: net.fetch,
    });
    expect(net.log).not.toContain('GET evil.example/root');
    expect(session.status.state).toBe('ready');
    await session.signOut();
  });

  it('reports every candidate when no discovery URL answers', async () => {
    const net = hostMapFetch({
      'lyncdiscoverinternal.contoso.com': { refuse: true },
      'lyncdiscover.contoso.com': { status: 404 },
    });
    const failure = signIn({
      ...speak,
      domain: 'contoso.com',
      credentials: alice,
      application,
      fetch: net.fetch,
    });
    await expect(failure).rejects.toBeInstanceOf(UcwaDiscoveryError);
    const error = await failure.catch((e: unknown) => e);
    expect(error instanceof UcwaDiscoveryError && error.attempts.map((a) => a.url)).toEqual([
      'https://lyncdiscoverinternal.contoso.com/',
      'https://lyncdiscover.contoso.com/',
    ]);
  });

  it('refuses a discovery redirect to a foreign domain and sends nothing there', async () => {
    const server = await emulator({ discoveryRedirect: 'https://lyncdiscover.fabrikam.com/' });
    const net = hostMapFetch({
      'lyncdiscoverinternal.contoso.com': { to: server.url },
      'lyncdiscover.fabrikam.com': { to: server.url },
    });
    const failure = signIn({
      ...speak,
      domain: 'contoso.com',
      credentials: alice,
      application,
      fetch: net.fetch,
    });
    await expect(failure).rejects.toBeInstanceOf(UcwaRedirectRefusedError);
    expect(net.log).toEqual(['GET lyncdiscoverinternal.contoso.com/']);
  });

  it('follows a discovery redirect the policy approves', async () => {
    const home = await emulator();
    const front = await emulator({
      discoveryRedirect: 'https://lyncweb.contoso.com/Autodiscover/AutodiscoverService.svc/root',
    });
    const net = hostMapFetch({
      'lyncdiscoverinternal.contoso.com': { to: front.url },
      'lyncweb.contoso.com': { to: home.url },
    });
    const session = await signIn({
      ...speak,
      domain: 'contoso.com',
      credentials: alice,
      application,
      fetch: net.fetch,
    });
    expect(net.log.slice(0, 2)).toEqual([
      'GET lyncdiscoverinternal.contoso.com/',
      'GET lyncweb.contoso.com/Autodiscover/AutodiscoverService.svc/root',
    ]);
    expect(session.transport.origin).toBe(home.url);
    await session.signOut();
  });

  it('reuses cached discovery, and discovers again when the cached pool answers 403', async () => {
    const server = await emulator();
    const storage = createMemoryStorage();
    const net = hostMapFetch({
      'lyncdiscover.contoso.com': { to: server.url },
      'lyncdiscoverinternal.contoso.com': { refuse: true },
    });
    const options = {
      ...speak,
      domain: 'contoso.com',
      credentials: alice,
      application,
      storage,
      fetch: net.fetch,
    };
    const first = await signIn(options);
    await first.detach();
    const discoveries = () => net.log.filter((l) => l.startsWith('GET lyncdiscover')).length;
    expect(discoveries()).toBe(2);

    const second = await signIn(options);
    expect(discoveries()).toBe(2);
    expect(second.application.properties.endpointId).toBe(first.application.properties.endpointId);
    await second.detach();

    server.faults.add({
      method: 'POST',
      path: '/applications',
      nth: 1,
      action: { type: 'error', status: 403, code: 'Forbidden' },
    });
    const third = await signIn(options);
    expect(discoveries()).toBe(4);
    expect(third.status.state).toBe('ready');
    await third.signOut();
  });

  it('keeps sessions of two users apart', async () => {
    const server = await emulator();
    const a = await signedIn(server.url);
    const b = await signIn({
      ...speak,
      discoveryUrl: `${server.url}/`,
      credentials: { username: 'bob@contoso.com', password: 'demo' },
      application,
    });
    expect(a.application.href).not.toBe(b.application.href);
    expect(a.store).not.toBe(b.store);
    await a.signOut();
    expect(b.status.state).toBe('ready');
    await b.signOut();
  });
});
