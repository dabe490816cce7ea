import * as xml from '@ucwa/codec-xml';
import type { FetchLike } from '@ucwa/transport';
import { describe, expect, it } from 'vitest';
import { type Conversation, type IncomingInvitation, joinTabs, signIn } from '../src/index.ts';
import { emulator } from './support/emulators.ts';
import {
  aliceAndBob,
  collector,
  deferred,
  dropApplication,
  signInUser,
} from './support/sessions.ts';
import { channelName, tabOptions } from './tabs-support.ts';

const texts = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix} ${i}`);

describe('messaging.onConversation and messaging.conversations()', () => {
  it('a conversation accepted in one tab reaches the others; a tab that joins later lists it', async () => {
    const server = await emulator();
    const name = channelName();
    const ids = ['tab-a', 'tab-b', 'tab-c'];
    const options = () => tabOptions(server, name, ids.shift() ?? 'tab-x');
    const a = await joinTabs(options());
    const b = await joinTabs(options());
    expect(b.role).toBe('follower');
    await b.session.makeMeAvailable({ supportedModalities: ['Messaging'] });
    const inA = collector<Conversation>();
    a.session.messaging.onConversation((conversation) => inA.push(conversation));
    const inB = collector<Conversation>();
    // Tab B also sees what the user sends from another tab, in order with the rest.
    const allInB = collector<string>();
    b.session.messaging.onConversation((conversation) => {
      inB.push(conversation);
      conversation.onMessage((m) => allInB.push(`${m.direction} ${m.text}`), { outgoing: true });
    });
    // Tab A follows every conversation it is told of: its messages, and its end.
    const textsInA = collector<string>();
    const endedInA = deferred<string>();
    a.session.messaging.onConversation((conversation) => {
      conversation.onMessage((message) => textsInA.push(message.text));
      conversation.onEnded(() => endedInA.resolve(conversation.href));
    });
    const invitedB = deferred<IncomingInvitation>();
    b.session.messaging.onInvitation(invitedB.resolve);

    const bob = await signInUser(server.url, 'bob');
    await bob.makeMeAvailable({ supportedModalities: ['Messaging'] });
    const fromBob = bob.messaging.start({ to: 'sip:alice@contoso.com', message: 'first' });
    const accepted = await (await invitedB.promise).accept();
    const atBob = await fromBob;
    const [conversation] = await inA.atLeast(1);
    // The object of this session for that href, in each tab.
    expect(conversation?.href).toBe(accepted.href);
    expect(a.session.messaging.conversation(accepted.href)).toBe(conversation);
    expect(await inB.atLeast(1)).toEqual([accepted]);

    const sent = texts(30, 'to the tabs');
    for (const text of sent) await atBob.send(text);
    expect(await textsInA.atLeast(31)).toEqual(['first', ...sent]);
    // It works from tab A: its sends go out through the leader.
    const atBobTexts = collector<string>();
    atBob.onMessage((message) => atBobTexts.push(message.text));
    await conversation?.send('from tab A');
    expect(await atBobTexts.atLeast(1)).toEqual(['from tab A']);
    await atBob.send('after that');
    expect(await allInB.atLeast(33)).toEqual([
      'Incoming first',
      ...sent.map((text) => `Incoming ${text}`),
      'Outgoing from tab A',
      'Incoming after that',
    ]);

    // A tab that joins now lists it, as the same object it would be told of.
    const c = await joinTabs(options());
    const listed = await c.session.messaging.conversations();
    expect(listed.map((l) => l.href)).toEqual([accepted.href]);
    expect(c.session.messaging.conversation(accepted.href)).toBe(listed[0]);
    expect(await a.session.messaging.conversations()).toEqual([conversation]);

    // bob leaves: every tab is told the conversation ended, and it is listed no more.
    await atBob.leave();
    expect(await endedInA.promise).toBe(accepted.href);
    expect(await c.session.messaging.conversations()).toEqual([]);
    expect(inA.items).toHaveLength(1);
    expect(textsInA.items).toEqual(['first', ...sent, 'after that']);

    await a.session.signOut();
    await Promise.all([a.close(), b.close(), c.close()]);
    await bob.signOut();
  });

  it('after a lost application, another tab is told the old conversation ended and gets the one set up again', async () => {
    const server = await emulator();
    const name = channelName();
    const ids = ['tab-a', 'tab-b'];
    const options = () => tabOptions(server, name, ids.shift() ?? 'tab-x');
    const a = await joinTabs(options());
    const b = await joinTabs(options());
    await b.session.makeMeAvailable({ supportedModalities: ['Messaging'] });
    const bob = await signInUser(server.url, 'bob');
    await bob.makeMeAvailable({ supportedModalities: ['Messaging'] });
    const atBob = collector<Conversation>();
    bob.messaging.onInvitation(async (invitation) => atBob.push(await invitation.accept()));
    const inA = collector<Conversation>();
    const textsInA = collector<string>();
    a.session.messaging.onConversation((conversation) => {
      inA.push(conversation);
      conversation.onMessage((message) => textsInA.push(message.text));
    });
    const inB = collector<Conversation>();
    b.session.messaging.onConversation((conversation) => inB.push(conversation));

    const conversation = await b.session.messaging.start({ to: 'sip:bob@contoso.com' });
    const [old] = await inA.atLeast(1);
    const ended = deferred<void>();
    old?.onEnded(ended.resolve);
    // The server loses the application the leading tab holds; tab B sets its conversation
    // up again (a new invitation bob accepts).
    const appPath = new URL(a.session.application.href, server.url).pathname;
    server.faults.add({ path: `${appPath}/policies`, action: { type: 'dropApplication' } });
    const policies = a.session.application.links.policies?.href ?? '';
    await expect(a.session.read(policies, { fresh: true })).rejects.toThrow(/404/);
    await ended.promise;
    const [, again] = await inA.atLeast(2);
    expect(again).not.toBe(old);
    expect(again?.href).toBe(conversation.href);
    const [, bobAgain] = await atBob.atLeast(2);
    await bobAgain?.send('after the loss');
    expect(await textsInA.atLeast(1)).toEqual(['after the loss']);
    // Tab B keeps its object: not told again.
    expect(inB.items).toEqual([conversation]);

    await a.session.signOut();
    await Promise.all([a.close(), b.close()]);
    await bob.signOut();
  });

  it.each(['json', 'xml'] as const)(
    'a plain session is told of the conversations it starts or accepts itself, once each (%s)',
    async (format) => {
      const { server, alice, bob } = await aliceAndBob(format);
      const atAlice = collector<Conversation>();
      alice.messaging.onConversation((conversation) => atAlice.push(conversation));
      const atBob = collector<Conversation>();
      bob.messaging.onConversation((conversation) => atBob.push(conversation));
      const accepted = collector<Conversation>();
      bob.messaging.onInvitation(async (invitation) => accepted.push(await invitation.accept()));

      const started = await alice.messaging.start({ to: 'sip:bob@contoso.com', subject: 'Once' });
      const [atBobChat] = await accepted.atLeast(1);
      expect(await atAlice.atLeast(1)).toEqual([started]);
      expect(await atBob.atLeast(1)).toEqual([atBobChat]);
      const received = collector<string>();
      atBobChat?.onMessage((message) => received.push(message.text));
      await started.send('one');
      await atBobChat?.send('two');
      await started.send('three');
      expect(await received.atLeast(2)).toEqual(['one', 'three']);
      expect(await bob.messaging.conversations()).toEqual([atBobChat]);

      // alice's application is lost: her session sets the conversation up again under the
      // same object, so she is not told of it again; bob accepts a new conversation.
      const statuses = await dropApplication(server, alice);
      expect(await statuses.atLeast(2)).toEqual(['reconnecting', 'ready']);
      const [, again] = await accepted.atLeast(2);
      expect(await atBob.atLeast(2)).toEqual([atBobChat, again]);
      const gone = deferred<void>();
      atBobChat?.onEnded(gone.resolve);
      await started.send('four');
      await gone.promise; // the conversation of the lost application ended at bob's
      expect(await alice.messaging.conversations()).toEqual([started]);

      const ended = deferred<void>();
      started.onEnded(ended.resolve);
      await started.leave();
      await ended.promise;
      // Ended already: told at once.
      await new Promise<void>((resolve) => started.onEnded(resolve));
      expect(await alice.messaging.conversations()).toEqual([]);
      // Exactly once each.
      expect(atAlice.items).toEqual([started]);
      expect(atBob.items).toHaveLength(2);
      await alice.signOut();
      await bob.signOut();
    },
  );

  it.each(['json', 'xml'] as const)(
    'another process of the application is told too (%s)',
    async (format) => {
      const { server, bob } = await aliceAndBob(format);
      // Two processes of one client: same user agent and endpoint id, so one application
      // (MultiTabSupport.md), each with its own event channel.
      const process = (fetch: FetchLike = (r, i) => globalThis.fetch(r, i)) =>
        signIn({
          discoveryUrl: `${server.url}/`,
          credentials: { username: 'carol@contoso.com', password: 'demo' },
          application: { userAgent: 'two-processes/1.0', endpointId: 'carol-desk' },
          fetch,
          format,
          ...(format === 'xml' ? { codecs: { xml } } : {}),
        });
      const first = await process();
      const second = await process();
      expect(second.application.href).toBe(first.application.href);
      await first.makeMeAvailable({ supportedModalities: ['Messaging'] });
      const inSecond = collector<Conversation>();
      second.messaging.onConversation((conversation) => inSecond.push(conversation));
      const texts = collector<string>();
      second.messaging.onMessage((message) => texts.push(message.text));

      const atBob = collector<Conversation>();
      bob.messaging.onInvitation(async (invitation) => atBob.push(await invitation.accept()));
      const started = await first.messaging.start({ to: 'sip:bob@contoso.com' });
      const [told] = await inSecond.atLeast(1);
      expect(told?.href).toBe(started.href);
      const [toFirst] = await atBob.atLeast(1);
      await toFirst?.send('to both processes');
      expect(await texts.atLeast(1)).toEqual(['to both processes']);
      expect(inSecond.items).toHaveLength(1);

      // A third process, started now, reads the two conversations in one batch request.
      const other = await first.messaging.start({ to: 'sip:bob@contoso.com', subject: 'Two' });
      const requests: string[] = [];
      const third = await process((request, init) => {
        requests.push(`${request.method} ${new URL(request.url).pathname}`);
        return globalThis.fetch(request, init);
      });
      requests.length = 0;
      const listed = await third.messaging.conversations();
      expect(listed.map((c) => c.href).sort()).toEqual([started.href, other.href].sort());
      expect(requests.filter((r) => r.endsWith('/batch'))).toHaveLength(1);
      expect(requests.filter((r) => /\/conversations\/[^/]+$/.test(r))).toEqual([]);
      await first.signOut();
      await Promise.all([second, third].map((s) => s.signOut().catch(() => {})));
      await bob.signOut();
    },
  );
});
