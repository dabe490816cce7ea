import { findLinks } from '@ucwa/model';
import { describe, expect, it } from 'vitest';
import { UcwaDocumentedError } from '../src/index.ts';
import { emulator } from './support/emulators.ts';
import { signInUser, until } from './support/sessions.ts';

describe.each(['json', 'xml'] as const)('meetings.join against the emulator (%s)', (format) => {
  it('joins a scheduled meeting: the operation completes with the meeting conversation', async () => {
    const server = await emulator();
    const alice = await signInUser(server.url, 'alice', format);
    const bob = await signInUser(server.url, 'bob', format);
    const meeting = await alice.meetings.create({
      subject: 'Review',
      attendees: ['sip:bob@contoso.com'],
    });
    const uri = meeting.properties.onlineMeetingUri ?? '';
    expect(uri).toMatch(/^sip:alice@contoso\.com;gruu;opaque=app:conf:focus:id:/);

    const progress: string[] = [];
    bob.on({ rel: 'onlineMeetingInvitation' }, (event) => {
      progress.push(event.type);
    });
    const joining = await bob.meetings.join(uri);
    const joined = await joining.result;
    expect(joined.operationId).toBe(joining.operationId);
    expect(joined.resource?.rel).toBe('onlineMeetingInvitation');
    expect(joined.resource?.properties).toMatchObject({
      state: 'Connected',
      onlineMeetingUri: uri,
    });
    await until(() => progress.length >= 2);
    expect(progress).toEqual(['started', 'completed']);
    const link = joined.resource === undefined ? [] : findLinks(joined.resource, 'conversation');
    const conversation = await bob.read(link[0]?.href ?? '', { fresh: true });
    expect(conversation.properties).toMatchObject({ state: 'Connected', onlineMeetingUri: uri });

    // Alice joins her own meeting too; a meeting that does not exist is refused with the
    // error joinOnlineMeeting_ref.md documents.
    expect((await (await alice.meetings.join(uri)).result).resource?.properties.state).toBe(
      'Connected',
    );
    const missing = 'sip:alice@contoso.com;gruu;opaque=app:conf:focus:id:NOSUCH';
    const refused = await bob.meetings.join(missing).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UcwaDocumentedError);
    expect(refused).toMatchObject({ status: 404, subcode: 'DestinationNotFound' });
    await alice.signOut();
    await bob.signOut();
  });
});
