import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { type RunningEmulator, startEmulator } from '@ucwa/emulator';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEventChannel, type EventChannel, isUcwaOperationError } from '../src/index.ts';
import { embedded, linkHref, signIn, type User } from './helpers/users.ts';

// Real HTTP on a machine that may be loaded: the timeouts only bound a failure.
vi.setConfig({ testTimeout: 60_000 });

let server: RunningEmulator;
const channels: EventChannel[] = [];
afterEach(async () => {
  await Promise.all(channels.splice(0).map((c) => c.stop()));
  await server?.close();
});

function open(user: User): EventChannel {
  const channel = createEventChannel({ href: user.eventsHref, fetchEvents: user.fetchEvents });
  channels.push(channel);
  return channel;
}

/** Bob's channel accepts (or declines) every incoming messaging invitation. */
function answering(bob: User, how: 'accept' | 'decline'): EventChannel {
  const channel = open(bob);
  channel.on({ rel: 'messagingInvitation', type: 'started' }, async (event) => {
    const invitation = event.resource ?? (await bob.transport.get(event.link.href));
    if (invitation.properties.direction === 'Incoming') {
      await bob.transport.post(linkHref(invitation, how));
    }
  });
  channel.start();
  return channel;
}

/**
 * A fetch that holds the answer of the first POST whose URL contains `path` until
 * `release` is called: the network is slow on the way back, so the event channel
 * delivers the operation's events before the POST's 201 (OperationResource.md).
 */
function slowAnswers(path: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held = false;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const response = await globalThis.fetch(input, init);
    const url = input instanceof Request ? input.url : String(input);
    const method = input instanceof Request ? input.method : (init?.method ?? 'GET');
    if (!held && method === 'POST' && url.includes(path)) {
      held = true;
      await released;
    }
    return response;
  };
  return { fetch, release };
}

describe('trackOperation against the emulator (startMessaging)', () => {
  it.each(['json', 'xml'] as const)(
    'resolves with the completed invitation when tracked before the POST (%s)',
    async (format) => {
      server = await startEmulator();
      const alice = await signIn(server.url, 'alice@contoso.com', { format });
      const bob = await signIn(server.url, 'bob@contoso.com', { format });
      answering(bob, 'accept');
      const channel = open(alice);
      channel.start();
      const operationId = randomUUID();
      const progress: string[] = [];
      const tracked = channel.trackOperation(operationId, {
        onProgress: (p) => progress.push(p.event.type),
      });
      const communication = embedded(alice.application, 'communication');
      const created = await alice.transport.post(linkHref(communication, 'startMessaging'), {
        properties: { to: 'sip:bob@contoso.com', subject: 'Tracked', operationId },
      });
      expect(created.status).toBe(201);
      const result = await tracked.result;
      expect(progress).toContain('started');
      expect(result.resource?.properties).toMatchObject({ operationId, state: 'Connected' });
      expect(new URL(created.location ?? '', server.url).pathname).toBe(
        new URL(result.event.link.href, server.url).pathname,
      );
    },
  );

  it('resolves when every event, completed included, arrived before the 201', async () => {
    server = await startEmulator();
    const slow = slowAnswers('/messagingInvitations');
    const alice = await signIn(server.url, 'alice@contoso.com', { fetch: slow.fetch });
    const bob = await signIn(server.url, 'bob@contoso.com');
    answering(bob, 'accept');
    const channel = open(alice);
    const operationId = randomUUID();
    const seen: string[] = [];
    channel.on({ rel: 'messagingInvitation' }, (event) => {
      seen.push(event.type);
      if (event.type === 'completed') slow.release();
    });
    channel.start();
    const communication = embedded(alice.application, 'communication');
    const created = await alice.transport.post(linkHref(communication, 'startMessaging'), {
      properties: { to: 'sip:bob@contoso.com', subject: 'Racing', operationId },
    });
    // The 201 came last: the channel already dispatched started and completed.
    expect(created.status).toBe(201);
    expect(seen).toEqual(['started', 'completed']);
    const result = await channel.trackOperation(operationId).result;
    expect(result.event.type).toBe('completed');
    expect(result.resource?.properties.operationId).toBe(operationId);
  });

  it('rejects with the reason when the invitation fails', async () => {
    server = await startEmulator();
    const alice = await signIn(server.url, 'alice@contoso.com');
    const bob = await signIn(server.url, 'bob@contoso.com');
    answering(bob, 'decline');
    const channel = open(alice);
    channel.start();
    const operationId = randomUUID();
    const tracked = channel.trackOperation(operationId);
    await alice.transport.post(
      linkHref(embedded(alice.application, 'communication'), 'startMessaging'),
      {
        properties: { to: 'sip:bob@contoso.com', operationId },
      },
    );
    const error = await tracked.result.catch((e: unknown) => e);
    expect(isUcwaOperationError(error)).toBe(true);
    expect(error).toMatchObject({ operationId, reason: { subcode: 'Declined' } });
  });
});

describe('the README example', () => {
  it('runs, reacting to audioVideo updated events', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--conditions=@ucwa/source', 'examples/audio-video.ts'],
      { cwd: new URL('..', import.meta.url), timeout: 60_000 },
    );
    expect(stdout.trim().split('\n')).toEqual([
      'alice: audioVideo is Connecting',
      'alice: audioVideo is Connected',
      'alice: audioVideo is Disconnected',
    ]);
  });
});
