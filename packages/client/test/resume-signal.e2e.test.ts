import { createManualClock } from '@ucwa/emulator';
import { describe, expect, it } from 'vitest';
import type { ContactPresenceChange } from '../src/index.ts';
import { aliceAndBob, collector, until } from './support/sessions.ts';

describe('resync and resume', () => {
  it('after resume, forgets transient state and sets its subscriptions up again', async () => {
    const clock = createManualClock(Date.UTC(2026, 0, 5, 9));
    const { server, alice, bob } = await aliceAndBob('json', { clock });
    const changes = collector<ContactPresenceChange>();
    bob.presence.onContactPresence(changes.push);
    const subscription = await bob.presence.subscribe(['sip:alice@contoso.com']);
    const before = subscription.href;
    clock.advance(5_000);
    await changes.atLeast(1);
    const contacts = await bob.people.contacts();
    expect(contacts.length).toBeGreaterThan(0);
    const stored = bob.store.size;

    const appPath = new URL(bob.application.href, server.url).pathname;
    const fault = server.faults.add({
      path: `${appPath}/events`,
      nth: 1,
      action: { type: 'resume' },
    });
    const fired = () => server.faults.list().find((f) => f.id === fault)?.fired === 1;
    // Releases bob's waiting P-GET; the next one meets the fault: the server drops bob's
    // transient state and answers it, with `resume`, when it times out (180 s).
    await alice.presence.setAvailability('Away');
    clock.advance(5_000);
    expect((await changes.atLeast(2)).at(-1)?.availability).toBe('Away');
    await until(fired);
    clock.advance(180_000);
    // The server dropped bob's subscription on resume; the session makes a new one, whose
    // first event (Medium, held 5 s) is alice's presence as it is now.
    await until(() => subscription.href !== before);
    clock.advance(5_000);
    expect((await changes.atLeast(3)).at(-1)?.availability).toBe('Away');
    expect(bob.store.size).toBeLessThan(stored);
    await alice.presence.setAvailability('Busy');
    clock.advance(5_000);
    expect((await changes.atLeast(4)).at(-1)?.availability).toBe('Busy');
    await alice.signOut();
    await bob.signOut();
  });
});
