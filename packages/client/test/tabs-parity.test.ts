import { type FetchLike, isUcwaPreconditionFailedError } from '@ucwa/transport';
import { describe, expect, it } from 'vitest';
import {
  type IncomingInvitation,
  joinTabs,
  UcwaDocumentedError,
  UcwaTabCommandError,
} from '../src/index.ts';
import { emulator } from './support/emulators.ts';
import { collector, deferred, signInUser, until } from './support/sessions.ts';
import { channelName, tabOptions } from './tabs-support.ts';

/** A fetch on which any request to a path ending in `/hang` waits until it is aborted. */
function hangingFetch(): { fetch: FetchLike; aborted: string[] } {
  const aborted: string[] = [];
  const fetch: FetchLike = (request, init) => {
    if (!new URL(request.url).pathname.endsWith('/hang')) return globalThis.fetch(request, init);
    return new Promise((_, reject) => {
      init?.signal?.addEventListener('abort', () => {
        aborted.push(request.url);
        reject(init.signal?.reason);
      });
    });
  };
  return { fetch, aborted };
}

describe('a tab session does what a session does', () => {
  it('batch, snapshot secrets, aborts and documented errors in a following tab', async () => {
    const server = await emulator();
    const name = channelName();
    const net = hangingFetch();
    const leader = await joinTabs(tabOptions(server, name, 'tab-a', { fetch: net.fetch }));
    const follower = await joinTabs(tabOptions(server, name, 'tab-b', { fetch: net.fetch }));
    const tab = follower.session;

    // batch, through the leader's transport.
    const { me, people } = tab.application.embedded;
    const parts = await tab.batch([me?.href ?? '', people?.href ?? '', `${me?.href}/nothing`]);
    expect(parts.map((p) => p.status)).toEqual([200, 200, 404]);
    expect(parts.map((p) => (p.ok ? p.resource?.rel : p.error.name))).toEqual([
      'me',
      'people',
      'UcwaHttpError',
    ]);
    expect(parts[0]?.ok && parts[0].headers.get('content-type')).toMatch(/json/);

    // The token never goes out with heartbeats: a following tab asks the leader for it.
    expect(tab.snapshot().token).toBeUndefined();
    expect(() => tab.snapshot({ secrets: true })).toThrow(UcwaTabCommandError);
    const secret = await follower.snapshot({ secrets: true });
    expect(secret.token?.accessToken).toMatch(/^cwt=/);
    expect(secret.token).toEqual(leader.session.snapshot({ secrets: true }).token);
    expect((await follower.snapshot()).token).toBeUndefined();

    // Aborting a call in the follower aborts the leader's request.
    const controller = new AbortController();
    const hanging = tab.read(`${tab.application.href}/hang`, { signal: controller.signal });
    await until(() => net.aborted.length === 0 && leader.role === 'leader');
    controller.abort(new Error('no longer needed'));
    await expect(hanging).rejects.toThrow('no longer needed');
    await until(() => net.aborted.length === 1);
    expect(net.aborted[0]).toMatch(/\/hang$/);

    // A documented error reaches the follower's caller as UcwaDocumentedError.
    const bob = await signInUser(server.url, 'bob');
    await bob.makeMeAvailable({ supportedModalities: ['Messaging', 'Audio'] });
    await tab.makeMeAvailable({ supportedModalities: ['Messaging', 'Audio'] });
    const invited = deferred<IncomingInvitation>();
    bob.messaging.onInvitation(invited.resolve);
    const started = tab.messaging.start({ to: 'sip:bob@contoso.com' });
    await (await invited.promise).accept();
    const av = await (await started).audioVideo();
    server.faults.add({
      method: 'POST',
      path: '/addAudio',
      nth: 1,
      action: { type: 'error', status: 409, code: 'Conflict', subcode: 'AlreadyExists' },
    });
    const failure = await av.run('addAudio', { to: 'sip:bob@contoso.com' }).catch((e) => e);
    expect(failure).toBeInstanceOf(UcwaDocumentedError);
    expect(failure).toMatchObject({ status: 409, code: 'Conflict', subcode: 'AlreadyExists' });
    av.close();

    // A stale conditional PUT fails as the leader's would, and its retry works from here.
    const created = await tab.meetings.create({ subject: 'Review' });
    await leader.session.meetings.update(created, { subject: 'Review, moved' });
    const stale = await tab.transport
      .put(created, { subject: 'Review, from the tab' })
      .catch((e: unknown) => e);
    expect(isUcwaPreconditionFailedError(stale)).toBe(true);
    if (isUcwaPreconditionFailedError(stale))
      expect((await stale.retry()).status).toBeLessThan(300);
    const now = await tab.read(created.href, { fresh: true });
    expect(now.properties.subject).toBe('Review, from the tab');

    await tab.signOut();
    await Promise.all([follower.close(), leader.close(), bob.signOut()]);
  });

  it('resync and resume on the leader channel clear and rebuild the store of every tab', async () => {
    const server = await emulator();
    const name = channelName();
    const leader = await joinTabs(tabOptions(server, name, 'tab-a'));
    const follower = await joinTabs(tabOptions(server, name, 'tab-b'));
    const tab = follower.session;
    await tab.makeMeAvailable({ supportedModalities: ['Messaging'] });
    const presence = await tab.presence.get();
    expect(tab.store.peek(presence.href)).toBeDefined();
    const bob = await signInUser(server.url, 'bob');
    await bob.makeMeAvailable({ supportedModalities: ['Messaging'] });
    const invited = deferred<IncomingInvitation>();
    bob.messaging.onInvitation(invited.resolve);
    const started = tab.messaging.start({ to: 'sip:bob@contoso.com' });
    const atBob = await (await invited.promise).accept();
    const received = collector<string>();
    (await started).onMessage((message) => received.push(message.text));
    const app = new URL(leader.session.application.href, server.url).pathname;

    for (const [n, type] of (['resync', 'resume'] as const).entries()) {
      await tab.presence.get();
      expect(tab.store.peek(presence.href)).toBeDefined();
      const fault = server.faults.add({ path: `${app}/events`, nth: 1, action: { type } });
      // bob's message ends the P-GET the server holds; the next one meets the fault.
      await atBob.send(`before ${type}`);
      await received.atLeast(n + 1);
      if (type === 'resume') {
        // The server holds the P-GET that resumes until an event comes: bob invites again.
        await until(() => server.faults.list().some((f) => f.id === fault && f.fired === 1));
        bob.messaging.start({ to: 'sip:alice@contoso.com' }).catch(() => {});
      }
      await until(() => tab.store.peek(presence.href) === undefined);
      // The application is read again, as in the leader.
      await until(() => tab.store.peek(tab.application.href) !== undefined);
    }
    // After resume, what the tab had set up is set up again (its availability).
    await until(() => tab.status.state === 'ready');
    expect((await tab.presence.get()).properties.availability).toBe('Online');

    await tab.signOut();
    await Promise.all([follower.close(), leader.close(), bob.signOut()]);
  });
});
