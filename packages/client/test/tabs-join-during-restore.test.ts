import type { FetchLike } from '@ucwa/transport';
import { describe, expect, it } from 'vitest';
import { joinTabs } from '../src/index.ts';
import { emulator } from './support/emulators.ts';
import { collector, deferred } from './support/sessions.ts';
import { channelName, tabOptions } from './tabs-support.ts';

/** A fetch that, once `hold()` was called, keeps the next application POST until `release()`. */
function gatedFetch() {
  let gate: ReturnType<typeof deferred<void>> | undefined;
  const fetch: FetchLike = async (request, init) => {
    const creating =
      request.method === 'POST' && new URL(request.url).pathname.endsWith('/applications');
    if (creating && gate !== undefined) await gate.promise;
    return globalThis.fetch(request, init);
  };
  return {
    fetch,
    hold: () => {
      gate = deferred<void>();
    },
    release: () => gate?.resolve(),
  };
}

describe('a tab that joins while the leader recreates a lost application', () => {
  it('opens on the application the leader sets up, not on the one the server lost', async () => {
    const server = await emulator();
    const name = channelName();
    const net = gatedFetch();
    const leader = await joinTabs(tabOptions(server, name, 'tab-a', { fetch: net.fetch }));
    const statuses = collector<string>();
    leader.session.onStatus((status) => statuses.push(status.state));
    const lost = leader.session.application.href;

    // The server loses the application; the leader's new one waits at the gate.
    net.hold();
    const appPath = new URL(lost, server.url).pathname;
    server.faults.add({ path: `${appPath}/policies`, action: { type: 'dropApplication' } });
    const policies = leader.session.application.links.policies?.href ?? '';
    await expect(leader.session.read(policies, { fresh: true })).rejects.toThrow(/404/);
    await statuses.atLeast(1);

    // Joining now, the last snapshot names the lost application (404 when read).
    const joining = joinTabs(tabOptions(server, name, 'tab-b'));
    net.release();
    const follower = await joining;
    expect(await statuses.atLeast(2)).toEqual(['reconnecting', 'ready']);
    expect(follower.role).toBe('follower');
    expect(follower.session.application.href).toBe(leader.session.application.href);
    expect(follower.session.application.href).not.toBe(lost);
    await follower.close();
    await leader.session.signOut();
    await leader.close();
  });
});
