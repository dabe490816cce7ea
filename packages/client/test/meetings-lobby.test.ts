import { describe, expect, it } from 'vitest';
import {
  type Conversation,
  isUcwaOperationError,
  type LobbyChange,
  UcwaOperationError,
} from '../src/index.ts';
import { emulator } from './support/emulators.ts';
import { collector, signInUser } from './support/sessions.ts';

describe.each(['json', 'xml'] as const)('the meeting lobby, end to end (%s)', (format) => {
  it('bob waits in the lobby of alice’s Locked meeting until she admits him; carol, rejected, gets UcwaOperationError', async () => {
    const server = await emulator();
    const alice = await signInUser(server.url, 'alice', format);
    const bob = await signInUser(server.url, 'bob', format);
    const carol = await signInUser(server.url, 'carol', format);
    const meeting = await alice.meetings.create({
      subject: 'Locked review',
      accessLevel: 'Locked',
    });
    const uri = meeting.properties.onlineMeetingUri ?? '';
    // The organizer is never kept out of her own meeting.
    const atAlice = await alice.meetings.join(uri);
    const lobby = collector<LobbyChange>();
    atAlice.onLobby(lobby.push);

    const progress: string[] = [];
    let joined: Conversation | undefined;
    const joining = bob.meetings.join(uri, {
      onProgress: (p) => progress.push(`${p.event.type} ${p.event.link.rel}`),
    });
    void joining.then((c) => {
      joined = c;
    });
    const [waiting] = await lobby.atLeast(1);
    expect(waiting).toMatchObject({ waiting: true });
    expect(waiting?.participant?.properties).toMatchObject({
      uri: 'sip:bob@contoso.com',
      inLobby: true,
    });
    // The join is started, not completed: bob is in the lobby.
    expect(progress).toEqual(['started onlineMeetingInvitation']);
    expect(joined).toBeUndefined();
    expect((await atAlice.lobby()).map((p) => p.properties.uri)).toEqual(['sip:bob@contoso.com']);

    if (waiting?.participant === undefined) throw new Error('no participant to admit');
    await atAlice.admit(waiting.participant);
    const atBob = await joining;
    expect((await atBob.resource()).properties).toMatchObject({
      state: 'Connected',
      onlineMeetingUri: uri,
    });
    expect((await lobby.atLeast(2))[1]).toMatchObject({ waiting: false, href: waiting.href });
    expect(await atAlice.lobby()).toEqual([]);

    // In the meeting, the two exchange messages (messaging joins the meeting on first use).
    const atBobMessages = collector<string>();
    atBob.onMessage((m) => atBobMessages.push(m.text));
    const atAliceMessages = collector<string>();
    atAlice.onMessage((m) => atAliceMessages.push(m.text));
    await atBob.setTyping();
    await atAlice.send('welcome, bob');
    expect(await atBobMessages.atLeast(1)).toEqual(['welcome, bob']);
    await atBob.send('thanks for letting me in');
    expect(await atAliceMessages.atLeast(1)).toEqual(['thanks for letting me in']);

    // carol is turned away: her join rejects with the reason the server gave.
    const refused = carol.meetings.join(uri).catch((error: unknown) => error);
    const [, , carolWaits] = await lobby.atLeast(3);
    expect(carolWaits?.participant?.properties.uri).toBe('sip:carol@contoso.com');
    if (carolWaits?.participant === undefined) throw new Error('no participant to reject');
    await atAlice.reject(carolWaits.participant);
    const error = await refused;
    expect(error).toBeInstanceOf(UcwaOperationError);
    expect(isUcwaOperationError(error)).toBe(true);
    expect(error).toMatchObject({ reason: { code: 'Forbidden', subcode: 'Denied' } });
    expect((await lobby.atLeast(4))[3]).toMatchObject({ waiting: false });
    // Only the one admitted is in the roster.
    expect((await atAlice.resource()).properties.participantCount).toBe(2);

    await alice.signOut();
    await bob.signOut();
    await carol.signOut();
  });
});

describe('the meeting lobby, seen by a leader who joins later', () => {
  it('lists who waits; session.invoke(participant, "reject") is the typed way without the helper', async () => {
    const server = await emulator();
    const alice = await signInUser(server.url, 'alice');
    const bob = await signInUser(server.url, 'bob');
    const meeting = await alice.meetings.create({ accessLevel: 'Locked' });
    const uri = meeting.properties.onlineMeetingUri ?? '';
    const started = collector<string>();
    const refused = bob.meetings
      .join(uri, { onProgress: (p) => started.push(p.event.type) })
      .catch((error: unknown) => error);
    await started.atLeast(1);

    const atAlice = await alice.meetings.join(uri);
    const [waiting] = await atAlice.lobby();
    expect(waiting?.properties).toMatchObject({ uri: 'sip:bob@contoso.com', inLobby: true });
    if (waiting === undefined) throw new Error('no one waits');
    const left = collector<LobbyChange>();
    atAlice.onLobby(left.push);
    await alice.invoke(waiting, 'reject');
    expect(await refused).toMatchObject({
      name: 'UcwaOperationError',
      reason: { code: 'Forbidden', subcode: 'Denied' },
    });
    expect((await left.atLeast(1))[0]).toMatchObject({ waiting: false });
    expect(await atAlice.lobby()).toEqual([]);
    // No longer waiting: the server refuses to admit him (the transport's error, 404).
    const late = await atAlice.admit(waiting).catch((error: unknown) => error);
    expect(late).toMatchObject({ name: 'UcwaHttpError', status: 404 });
    await alice.signOut();
    await bob.signOut();
  });
});

describe('leaving the lobby', () => {
  it('aborting a join that waits in the lobby leaves it: the leader sees the user go', async () => {
    const server = await emulator();
    const alice = await signInUser(server.url, 'alice');
    const bob = await signInUser(server.url, 'bob');
    const meeting = await alice.meetings.create({ accessLevel: 'Locked' });
    const uri = meeting.properties.onlineMeetingUri ?? '';
    const atAlice = await alice.meetings.join(uri);
    const lobby = collector<LobbyChange>();
    atAlice.onLobby(lobby.push);
    const controller = new AbortController();
    const gaveUp = bob.meetings
      .join(uri, { signal: controller.signal })
      .catch((error: unknown) => error);
    expect((await lobby.atLeast(1))[0]).toMatchObject({ waiting: true });
    controller.abort();
    expect(await gaveUp).toMatchObject({ name: 'AbortError' });
    expect((await lobby.atLeast(2))[1]).toMatchObject({ waiting: false });
    expect(await atAlice.lobby()).toEqual([]);
    await alice.signOut();
    await bob.signOut();
  });
});
