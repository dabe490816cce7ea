import { isUcwaHttpError } from '@ucwa/transport';
import { describe, expect, it } from 'vitest';
import { type Conversation, type IncomingInvitation, joinTabs } from '../src/index.ts';
import { emulator } from './support/emulators.ts';
import { collector, deferred, signInUser } from './support/sessions.ts';
import { becomes, channelName, tabOptions } from './tabs-support.ts';

describe('tabs sharing one application over a BroadcastChannel', () => {
  it('one leads; the helpers of every tab work through it, also after a takeover', async () => {
    const server = await emulator();
    const name = channelName();
    const ids = ['tab-a', 'tab-b'];
    const options = () => tabOptions(server, name, ids.shift() ?? 'tab-x');
    const first = await joinTabs(options());
    expect(first.role).toBe('leader');
    const second = await joinTabs(options());
    expect(second.role).toBe('follower');
    // Both tabs have a session on the one application.
    expect(second.session.application.href).toBe(first.session.application.href);

    const bob = await signInUser(server.url, 'bob');
    await bob.makeMeAvailable({ supportedModalities: ['Messaging'] });
    const invited = deferred<IncomingInvitation>();
    bob.messaging.onInvitation(invited.resolve);
    const atBobTexts = collector<string>();
    bob.messaging.onMessage((message) => atBobTexts.push(message.text));

    // The helpers of the follower's session, through the leader.
    const tab = second.session;
    await tab.makeMeAvailable({ supportedModalities: ['Messaging'] });
    expect((await tab.presence.get()).properties.availability).toBe('Online');
    const [contact] = await tab.people.contacts();
    const photo = contact === undefined ? undefined : await tab.people.photo(contact);
    expect(photo?.contentType).toBe('image/png');
    expect([...(photo?.bytes.subarray(0, 4) ?? [])]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const started = tab.messaging.start({ to: 'sip:bob@contoso.com', subject: 'From a tab' });
    const atBob = await (await invited.promise).accept();
    const conversation = await started;
    const inSecond = collector<string>();
    conversation.onMessage((message) => inSecond.push(message.text));
    const inFirst = collector<string>();
    first.session.messaging.onMessage((message) => inFirst.push(message.text));
    const rawInSecond = collector<string>();
    second.on({ rel: 'message', type: 'completed' }, (event) => rawInSecond.push(event.link.href));
    await atBob.send('one');
    await conversation.send('from the follower');
    expect(await inSecond.atLeast(1)).toEqual(['one']);
    expect(await inFirst.atLeast(1)).toEqual(['one']);
    expect(await atBobTexts.atLeast(1)).toEqual(['from the follower']);

    // A raw command, and a failure there comes back as a typed error here.
    const me = await second.command({
      method: 'GET',
      href: first.session.application.embedded.me?.href ?? '',
    });
    expect(me.ok && me.resource?.rel).toBe('me');
    const missing = await tab
      .read(`${tab.application.href}/nothing-here`)
      .catch((error: unknown) => error);
    // The leader's failure is thrown here as the class the leader's caller sees.
    const inLeader = await first.session
      .read(`${tab.application.href}/nothing-here`)
      .catch((error: unknown) => error);
    expect(isUcwaHttpError(missing)).toBe(true);
    expect(missing).toMatchObject({ name: 'UcwaHttpError', status: 404, code: 'NotFound' });
    expect((missing as Error).message).toBe((inLeader as Error).message);

    const application = first.session.application.href;
    await first.close();
    // Sent while no tab leads: the server keeps it for the application's event channel.
    await atBob.send('two');
    // Sent while no tab leads: it waits for the next leader.
    const queued = conversation.send('while no tab leads');
    await becomes(second, 'leader');
    await queued;
    expect(second.session.application.href).toBe(application);
    await atBob.send('three');
    expect(await inSecond.atLeast(3)).toEqual(['one', 'two', 'three']);
    // Every relayed event once: incoming and sent messages, before and after the takeover.
    const raw = await rawInSecond.atLeast(4);
    expect(new Set(raw).size).toBe(raw.length);
    expect(inFirst.items).toEqual(['one']);
    await conversation.send('after the takeover');
    expect(await atBobTexts.atLeast(3)).toEqual([
      'from the follower',
      'while no tab leads',
      'after the takeover',
    ]);

    await second.session.signOut();
    await second.close();
    await bob.signOut();
  });

  it('after the leader recreated a lost application, the session of a follower sets its state up again', async () => {
    const server = await emulator();
    const name = channelName();
    const ids = ['tab-a', 'tab-b'];
    const options = () => tabOptions(server, name, ids.shift() ?? 'tab-x');
    const first = await joinTabs(options());
    const second = await joinTabs(options());
    expect(second.role).toBe('follower');
    const bob = await signInUser(server.url, 'bob');
    await bob.makeMeAvailable({ supportedModalities: ['Messaging'] });
    const atBob = collector<Conversation>();
    bob.messaging.onInvitation(async (invitation) => {
      atBob.push(await invitation.accept());
    });

    const tab = second.session;
    await tab.makeMeAvailable({ supportedModalities: ['Messaging'] });
    const conversation = await tab.messaging.start({ to: 'sip:bob@contoso.com' });
    const received = collector<string>();
    conversation.onMessage((message) => received.push(message.text));
    const [before] = await atBob.atLeast(1);
    await before?.send('before');
    await received.atLeast(1);
    const statuses = collector<string>();
    tab.onStatus((status) => statuses.push(status.state));

    // The server loses the application the leader holds.
    const lost = new URL(first.session.application.href, server.url);
    const appPath = lost.pathname;
    server.faults.add({ path: `${appPath}/policies`, action: { type: 'dropApplication' } });
    const policies = first.session.application.links.policies?.href ?? '';
    await expect(first.session.read(policies, { fresh: true })).rejects.toThrow(/404/);
    expect(await statuses.atLeast(2)).toEqual(['reconnecting', 'ready']);
    expect(new URL(tab.application.href, server.url).href).not.toBe(lost.href);
    expect((await tab.presence.get()).properties.availability).toBe('Online');
    const [, again] = await atBob.atLeast(2);
    await again?.send('after');
    expect(await received.atLeast(2)).toEqual(['before', 'after']);

    await tab.signOut();
    await second.close();
    await first.close();
    await bob.signOut();
  });
});
