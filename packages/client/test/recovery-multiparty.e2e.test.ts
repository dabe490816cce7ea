import { createManualClock, type RunningEmulator } from '@ucwa/emulator';
import { describe, expect, it } from 'vitest';
import type { Conversation, IncomingInvitation, Session } from '../src/index.ts';
import { emulator } from './support/emulators.ts';
import { collector, dropApplication, signInUser } from './support/sessions.ts';

type Format = 'json' | 'xml';

/** Someone who accepts every invitation, keeping each invitation and conversation. */
function accepting(session: Session) {
  const invitations = collector<IncomingInvitation>();
  const conversations = collector<Conversation>();
  session.messaging.onInvitation(async (invitation) => {
    invitations.push(invitation);
    conversations.push(await invitation.accept());
  });
  return { invitations, conversations };
}

/** The texts arriving in `conversation`. */
function texts(conversation: Conversation) {
  const got = collector<string>();
  conversation.onMessage((m) => got.push(m.text));
  return got;
}

/** alice, bob and carol in one conversation: alice started it with bob and added carol. */
async function trio(server: RunningEmulator, format: Format) {
  const [alice, bob, carol] = await Promise.all(
    ['alice', 'bob', 'carol'].map((user) => signInUser(server.url, user, format)),
  );
  if (alice === undefined || bob === undefined || carol === undefined) throw new Error('sign-in');
  for (const s of [alice, bob, carol])
    await s.makeMeAvailable({ supportedModalities: ['Messaging'] });
  const atBob = accepting(bob);
  const atCarol = accepting(carol);
  const chat = await alice.messaging.start({ to: 'sip:bob@contoso.com', subject: 'Trio' });
  await chat.addParticipant('sip:carol@contoso.com');
  const [bobChat] = await atBob.conversations.atLeast(1);
  const [carolChat] = await atCarol.conversations.atLeast(1);
  if (bobChat === undefined || carolChat === undefined) throw new Error('not accepted');
  expect((await atCarol.invitations.atLeast(1))[0]?.onlineMeetingUri).toMatch(/focus:id:/);
  expect((await chat.resource()).properties.participantCount).toBe(3);
  return { alice, bob, carol, chat, atBob, atCarol, bobChat, carolChat };
}

/** The server drops `who`'s application; resolves once the session is ready again. */
async function loseApplication(server: RunningEmulator, who: Session): Promise<void> {
  const statuses = await dropApplication(server, who);
  expect(await statuses.atLeast(2)).toEqual(['reconnecting', 'ready']);
}

describe.each(['json', 'xml'] as const)('a lost conversation of three (%s)', (format) => {
  it('is joined again through its meeting: the same object, the others still in it, no new invitations', async () => {
    const server = await emulator({ clock: createManualClock(Date.UTC(2026, 0, 5, 9)) });
    const { alice, bob, carol, chat, atBob, atCarol, bobChat, carolChat } = await trio(
      server,
      format,
    );
    const atAlice = texts(chat);
    const atBobTexts = texts(bobChat);
    const atCarolTexts = texts(carolChat);
    await chat.send('one');
    await bobChat.send('from bob');
    expect(await atAlice.atLeast(1)).toEqual(['from bob']);
    expect(await atCarolTexts.atLeast(2)).toEqual(['one', 'from bob']);
    const firstHref = chat.href;

    await loseApplication(server, alice);
    await chat.send('two');
    expect(chat.href).not.toBe(firstHref);
    expect((await chat.resource()).properties.participantCount).toBe(3);
    expect(await atBobTexts.atLeast(2)).toEqual(['one', 'two']);
    await carolChat.send('from carol');
    expect(await atAlice.atLeast(2)).toEqual(['from bob', 'from carol']);
    expect(await atCarolTexts.atLeast(3)).toEqual(['one', 'from bob', 'two']);
    // Rejoined, not re-invited: bob and carol each saw one invitation only.
    expect(atBob.invitations.items).toHaveLength(1);
    expect(atCarol.invitations.items).toHaveLength(1);
    for (const s of [alice, bob, carol]) await s.signOut();
  });

  it('the one who was added loses her application: she joins the meeting again', async () => {
    const server = await emulator({ clock: createManualClock(Date.UTC(2026, 0, 5, 9)) });
    const { alice, bob, carol, chat, atBob, atCarol, carolChat } = await trio(server, format);
    const atAlice = texts(chat);
    const atCarolTexts = texts(carolChat);
    const firstHref = carolChat.href;
    await loseApplication(server, carol);
    await carolChat.send('carol is back');
    expect(carolChat.href).not.toBe(firstHref);
    expect(await atAlice.atLeast(1)).toEqual(['carol is back']);
    await chat.send('welcome');
    expect(await atCarolTexts.atLeast(1)).toEqual(['welcome']);
    expect(atBob.invitations.items).toHaveLength(1);
    expect(atCarol.invitations.items).toHaveLength(1);
    for (const s of [alice, bob, carol]) await s.signOut();
  });

  it('invites everyone again when the meeting cannot be joined: startMessaging to bob, addParticipant for carol', async () => {
    const server = await emulator({ clock: createManualClock(Date.UTC(2026, 0, 5, 9)) });
    const { alice, bob, carol, chat, atBob, atCarol } = await trio(server, format);
    const atAlice = texts(chat);
    // The next join is refused (the meeting is gone, as far as alice can tell).
    server.faults.add({
      method: 'POST',
      path: '/communication/onlineMeetingInvitations',
      times: 1,
      action: { type: 'error', status: 404, code: 'NotFound', subcode: 'DestinationNotFound' },
    });

    await loseApplication(server, alice);
    const [, bobAgain] = await atBob.conversations.atLeast(2);
    const [, carolAgain] = await atCarol.conversations.atLeast(2);
    if (bobAgain === undefined || carolAgain === undefined) throw new Error('not invited');
    const invitedBob = (await atBob.invitations.atLeast(2))[1];
    expect(invitedBob?.subject).toBe('Trio');
    expect(invitedBob?.onlineMeetingUri).toBeUndefined();
    expect((await atCarol.invitations.atLeast(2))[1]?.onlineMeetingUri).toMatch(/focus:id:/);
    const atBobTexts = texts(bobAgain);
    const atCarolTexts = texts(carolAgain);
    await chat.send('again');
    expect(await atBobTexts.atLeast(1)).toEqual(['again']);
    expect(await atCarolTexts.atLeast(1)).toEqual(['again']);
    await bobAgain.send('bob again');
    expect(await atAlice.atLeast(1)).toEqual(['bob again']);
    expect((await chat.resource()).properties.participantCount).toBe(3);
    for (const s of [alice, bob, carol]) await s.signOut();
  });
});
