import * as xml from '@ucwa/codec-xml';
import { type RunningEmulator, startEmulator } from '@ucwa/emulator';
import { findLink, type UnknownResource } from '@ucwa/model';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type AuthOption,
  createTransport,
  type Format,
  isUcwaPreconditionFailedError,
  type Transport,
  type TransportOptions,
} from '../src/index.ts';
import { createNodeFetch, type NodeFetch } from '../src/node.ts';

const ROOT = '/Autodiscover/AutodiscoverService.svc/root';

let server: RunningEmulator | undefined;
let nodeFetch: NodeFetch | undefined;

afterEach(async () => {
  await nodeFetch?.close();
  await server?.close();
  server = undefined;
});

interface Session {
  readonly transport: Transport;
  readonly tokenPosts: () => number;
  readonly seen: string[];
}

async function session(
  auth: AuthOption,
  options: Partial<TransportOptions> = {},
  emulator: Parameters<typeof startEmulator>[0] = {},
): Promise<Session> {
  server = await startEmulator(emulator);
  nodeFetch = createNodeFetch();
  const fetch = nodeFetch;
  const seen: string[] = [];
  const counting = (input: Request, init?: RequestInit) => {
    seen.push(`${input.method} ${new URL(input.url).pathname}`);
    return fetch(input, init);
  };
  const transport = createTransport({
    origin: server.url,
    format: 'json',
    codecs: { xml },
    auth,
    fetch: counting,
    ...options,
  });
  return {
    transport,
    seen,
    tokenPosts: () => seen.filter((s) => s === 'POST /WebTicket/oauthtoken').length,
  };
}

/** The application's embedded `me`, whose href is the `me` resource. */
function meOf(app: UnknownResource): UnknownResource {
  const me = app.embedded.me;
  if (me === undefined || Array.isArray(me)) throw new Error('application has no embedded me');
  return me as UnknownResource;
}

function link(resource: UnknownResource, rel: string): string {
  const found = findLink(resource, rel);
  if (found === undefined) throw new Error(`${resource.rel} has no ${rel} link`);
  return found.href;
}

/** Discovery (anonymous) → user (challenge, token) → applications POST → the application. */
async function signIn(
  transport: Transport,
): Promise<{ user: UnknownResource; app: UnknownResource }> {
  const root = await transport.get(ROOT, { auth: false });
  const user = await transport.get(link(root, 'user'));
  const created = await transport.post(link(user, 'applications'), {
    properties: { userAgent: 'transport-test', endpointId: crypto.randomUUID(), culture: 'en-US' },
  });
  const app = created.resource ?? (await transport.get(created.location ?? ''));
  return { user, app };
}

describe('the challenge → token → user → applications flow against @ucwa/emulator', () => {
  it.each([
    { grant: 'password', auth: { username: 'alice@contoso.com', password: 'demo' }, emulator: {} },
    {
      grant: 'windows',
      auth: { grant: 'windows' as const },
      emulator: { windowsUser: 'bob@contoso.com' },
    },
    {
      grant: 'anonmeeting',
      auth: {
        grant: 'anonmeeting' as const,
        conferenceUri: 'sip:alice@contoso.com;gruu;opaque=app:conf:focus:id:G03W98W4',
        password: 'G03W98W4',
      },
      // Anonymous join needs a meeting that exists, with that conference key.
      emulator: { meetings: [{ organizer: 'alice@contoso.com', onlineMeetingId: 'G03W98W4' }] },
    },
  ])('$grant', async ({ auth, emulator }) => {
    const { transport, seen, tokenPosts } = await session(auth, {}, emulator);
    const { user, app } = await signIn(transport);
    expect(user.rel).toBe('user');
    expect(app.rel).toBe('application');
    expect(tokenPosts()).toBe(1);
    expect(seen.slice(0, 4)).toEqual([
      `GET ${ROOT}`,
      'GET /Autodiscover/AutodiscoverService.svc/root/oauth/user',
      'POST /WebTicket/oauthtoken',
      'GET /Autodiscover/AutodiscoverService.svc/root/oauth/user',
    ]);
  });

  it('passive: the emulator does not offer it, so the refusal names the offered grants', async () => {
    const { transport } = await session({ grant: 'passive' });
    const root = await transport.get(ROOT, { auth: false });
    await expect(transport.get(link(root, 'user'))).rejects.toMatchObject({
      name: 'UcwaAuthError',
      reason: 'no-matching-grant',
    });
  });

  it('wrong password: invalid_grant', async () => {
    const { transport } = await session({ username: 'alice@contoso.com', password: 'nope' });
    const root = await transport.get(ROOT, { auth: false });
    await expect(transport.get(link(root, 'user'))).rejects.toMatchObject({
      name: 'UcwaAuthError',
      reason: 'invalid_grant',
    });
  });
});

describe('token lifetime against @ucwa/emulator', () => {
  it('refreshes a token the server expired, transparently', async () => {
    const { transport, tokenPosts } = await session({
      username: 'alice@contoso.com',
      password: 'demo',
    });
    const { app } = await signIn(transport);
    server?.faults.add({ path: '/me', nth: 1, action: { type: 'expireToken' } });
    const me = await transport.get(meOf(app).href);
    expect(me.rel).toBe('me');
    expect(tokenPosts()).toBe(2);
  });

  it('50 parallel requests on an expired token make exactly one token request', async () => {
    const { transport, tokenPosts } = await session(
      { username: 'alice@contoso.com', password: 'demo' },
      { limit: 50 },
    );
    const { user } = await signIn(transport);
    server?.faults.add({ path: '/oauth/user', nth: 1, action: { type: 'expireToken' } });
    const answers = await Promise.all(Array.from({ length: 50 }, () => transport.get(user.href)));
    expect(answers.every((a) => a.rel === 'user')).toBe(true);
    expect(tokenPosts()).toBe(2);
  });
});

describe('commands against @ucwa/emulator', () => {
  it('retries a 503 on GET', async () => {
    const { transport } = await session(
      { username: 'alice@contoso.com', password: 'demo' },
      { retry: { baseDelay: 5 } },
    );
    const { app } = await signIn(transport);
    server?.faults.add({ path: '/me', nth: 1, action: { type: 'status', status: 503 } });
    await expect(transport.get(meOf(app).href)).resolves.toMatchObject({ rel: 'me' });
  });

  it('conditional PUT: plays back the random property; 428 without If-Match; 412 then retry()', async () => {
    const { transport } = await session({ username: 'alice@contoso.com', password: 'demo' });
    const { app } = await signIn(transport);
    const me = await transport.get(meOf(app).href);
    const href = link(me, 'callForwardingSettings');
    const settings = await transport.get(href);
    expect(settings.etag).toBeDefined();
    expect(Object.values(settings.properties)).toContain('please pass this in a PUT request');

    const { etag: _none, ...unconditional } = settings;
    // The emulator serves activeSetting 'Off', which its own catalog check refuses on PUT,
    // so every PUT here sets a documented value.
    const changes = { activeSetting: 'SimultaneousRing' };
    await expect(transport.put(unconditional, changes)).rejects.toMatchObject({
      status: 428,
      code: 'PreconditionRequired',
    });

    const first = await transport.put(settings, changes);
    expect(first.resource?.properties.activeSetting).toBe('SimultaneousRing');
    const error = await transport.put(settings, changes).catch((e: unknown) => e);
    if (!isUcwaPreconditionFailedError(error)) throw error;
    expect(error).toMatchObject({ status: 412, code: 'PreconditionFailed' });
    await expect(error.retry()).resolves.toMatchObject({ status: expect.any(Number) });
  });

  it.each(['json', 'xml'] as Format[])(
    'batch with bodies in %s, then its 429 split',
    async (format) => {
      const { transport } = await session(
        { username: 'alice@contoso.com', password: 'demo' },
        { format, retry: { baseDelay: 5 } },
      );
      const { app } = await signIn(transport);
      const batch = link(app, 'batch');
      const me = await transport.get(meOf(app).href);
      const requests = [
        { method: 'GET', href: me.href },
        { method: 'GET', href: link(me, 'callForwardingSettings') },
        {
          method: 'POST',
          href: link(me, 'makeMeAvailable'),
          input: {
            properties: {
              signInAs: 'Online',
              supportedModalities: ['Messaging'],
              supportedMessageFormats: ['Plain'],
            },
          },
        },
        { method: 'GET', href: link(me, 'phones') },
      ] as const;
      const results = await transport.batch(batch, requests);
      expect(results.map((r) => r.status)).toEqual([200, 200, 204, 200]);
      expect(results.map((r) => r.ok && r.resource?.rel)).toEqual([
        'me',
        'callForwardingSettings',
        undefined,
        'phones',
      ]);
      const after = await transport.get(me.href);
      expect(findLink(after, 'note')).toBeDefined(); // makeMeAvailable ran inside the batch

      server?.faults.add({
        path: '/batch',
        nth: 1,
        action: { type: 'tooManyRequests', retryAfter: 0 },
      });
      const split = await transport.batch(batch, requests.slice(0, 2));
      expect(split.map((r) => r.ok && r.resource?.rel)).toEqual(['me', 'callForwardingSettings']);
    },
  );
});
