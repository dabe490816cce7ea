import { createManualClock } from '@ucwa/emulator';
import { describe, expect, it } from 'vitest';
import type { ContactPresenceChange } from '../src/index.ts';
import { emulator } from './support/emulators.ts';
import { aliceAndBob, collector, signInUser } from './support/sessions.ts';

describe.each(['json', 'xml'] as const)('presence (%s)', (format) => {
  it("reads and sets my presence, and alice's change reaches bob's subscription", async () => {
    const clock = createManualClock(Date.UTC(2026, 0, 5, 9));
    const { alice, bob } = await aliceAndBob(format, { clock });

    const changes = collector<ContactPresenceChange>();
    bob.presence.onContactPresence(changes.push);
    const subscription = await bob.presence.subscribe(['sip:alice@contoso.com']);
    expect(subscription.href).toMatch(/presenceSubscriptions\//);
    // The subscription announces alice's current presence first, as a Medium event the
    // server holds for the aggregation window (5 s on its clock).
    clock.advance(5_000);
    const [first] = await changes.atLeast(1);
    expect(first?.contact).toMatch(/alice@contoso\.com$/);
    expect(first?.availability).toBe('Online');

    const mine = await alice.presence.setAvailability('Busy');
    expect(mine.properties.availability).toBe('Busy');
    await alice.presence.setNote('In a meeting');
    // contactPresence is a Medium event: the server holds it for the aggregation window.
    clock.advance(5_000);
    const all = await changes.atLeast(2);
    expect(all[1]?.availability).toBe('Busy');

    await subscription.cancel();
    await alice.signOut();
    await bob.signOut();
  });
});

describe('people', () => {
  it('lists contacts and groups and searches the directory', async () => {
    const server = await emulator();
    const alice = await signInUser(server.url, 'alice');
    const contacts = await alice.people.contacts();
    expect(contacts.map((c) => c.properties.uri).sort()).toEqual([
      'sip:bob@contoso.com',
      'sip:carol@contoso.com',
    ]);
    const firstContact = contacts[0];
    expect(firstContact && alice.people.photoUrl(firstContact)).toMatch(/^http:\/\/127\.0\.0\.1/);
    const groups = await alice.people.groups();
    expect(groups.length).toBeGreaterThan(0);
    const found = await alice.people.search('carol');
    expect(found.map((c) => c.properties.uri)).toEqual(['sip:carol@contoso.com']);
    await alice.signOut();
  });
});
