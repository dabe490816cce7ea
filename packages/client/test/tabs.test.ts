import { describe, expect, it } from 'vitest';
import { type IncomingInvitation, joinTabs, type Tab, type TabRole } from '../src/index.ts';
import { emulator } from './support/emulators.ts';
import { collector, deferred, signInUser } from './support/sessions.ts';

/** Resolves when `tab` takes `role` (at once if it has it). */
function becomes(tab: Tab, role: TabRole): Promise<void> {
  if (tab.role === role) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = tab.onRole((r) => {
      if (r !== role) return;
      stop();
      resolve();
    });
  });
}

describe('tabs sharing one application over a BroadcastChannel', () => {
  it('one leads, the other follows and sends through it, and takes over when the leader closes', async () => {
    const server = await emulator();
    const name = `ucwa-tabs-${crypto.randomUUID()}`;
    const ids = ['tab-a', 'tab-b'];
    const options = () => ({
      signIn: {
        discoveryUrl: `${server.url}/`,
        credentials: { username: 'alice@contoso.com', password: 'demo' },
        application: { userAgent: 'tabs-test' },
      },
      channel: new BroadcastChannel(name),
      claimWindow: 20,
      heartbeatInterval: 50,
      leaderTimeout: 400,
      randomId: () => ids.shift() ?? 'tab-x',
    });
    const first = await joinTabs(options());
    expect(first.role).toBe('leader');
    const second = await joinTabs(options());
    expect(second.role).toBe('follower');
    expect(second.session).toBeUndefined();

    const bob = await signInUser(server.url, 'bob');
    await bob.makeMeAvailable({ supportedModalities: ['Messaging'] });
    const leader = first.session;
    if (leader === undefined) throw new Error('the first tab leads without a session');
    await leader.makeMeAvailable({ supportedModalities: ['Messaging'] });
    const invited = deferred<IncomingInvitation>();
    bob.messaging.onInvitation(invited.resolve);
    const started = leader.messaging.start({ to: 'sip:bob@contoso.com' });
    const atBob = await (await invited.promise).accept();
    await started;

    const inFirst = collector<string>();
    const inSecond = collector<string>();
    first.on({ rel: 'message', type: 'completed' }, (event) => inFirst.push(event.link.href));
    second.on({ rel: 'message', type: 'completed' }, (event) => inSecond.push(event.link.href));
    await atBob.send('one');
    expect(await inSecond.atLeast(1)).toEqual(await inFirst.atLeast(1));

    // The follower's command goes out through the leader's transport.
    const me = await second.command({
      method: 'GET',
      href: leader.application.embedded.me?.href ?? '',
    });
    expect(me.ok && me.resource?.rel).toBe('me');

    const application = leader.application.href;
    await first.close();
    // Sent while no tab leads: the server keeps it for the application's event channel.
    await atBob.send('two');
    await becomes(second, 'leader');
    expect(second.session?.application.href).toBe(application);
    await atBob.send('three');
    const seen = await inSecond.atLeast(3);
    expect(new Set(seen).size).toBe(3);
    expect(inFirst.items).toHaveLength(1);

    await second.session?.signOut();
    await second.close();
    await bob.signOut();
  });
});
