import * as xml from '@ucwa/codec-xml';
import type { FetchLike, Format } from '@ucwa/transport';
import { describe, expect, it } from 'vitest';
import { type Conversation, type Session, signIn } from '../src/index.ts';
import { emulator } from './support/emulators.ts';
import { collector } from './support/sessions.ts';

/**
 * A server that sends a collection of one as one object, as JSON lets it (the emulator
 * sends the array the catalog documents): each JSON `participants` answer is rewritten so.
 */
const oneAsObject: FetchLike = async (request, init) => {
  const answer = await globalThis.fetch(request, init);
  const type = answer.headers.get('content-type') ?? '';
  if (!new URL(request.url).pathname.endsWith('/participants') || !type.includes('json'))
    return answer;
  const body = (await answer.json()) as { _links: { participant?: unknown } };
  const { participant } = body._links;
  if (Array.isArray(participant) && participant.length === 1)
    body._links.participant = participant[0];
  return new Response(JSON.stringify(body), { status: answer.status, headers: answer.headers });
};

function signInAs(url: string, user: string, format: Format): Promise<Session> {
  return signIn({
    discoveryUrl: `${url}/`,
    credentials: { username: `${user}@contoso.com`, password: 'demo' },
    application: { userAgent: 'client-test/shape' },
    format,
    fetch: oneAsObject,
    ...(format === 'xml' ? { codecs: { xml } } : {}),
  });
}

describe.each(['json', 'xml'] as const)('collections as the catalog types them (%s)', (format) => {
  it("a two-party conversation's participants: one link, held as the array its type says", async () => {
    const server = await emulator();
    const alice = await signInAs(server.url, 'alice', format);
    const bob = await signInAs(server.url, 'bob', format);
    for (const s of [alice, bob]) await s.makeMeAvailable({ supportedModalities: ['Messaging'] });
    const accepted = collector<Conversation>();
    bob.messaging.onInvitation(async (invitation) => {
      accepted.push(await invitation.accept());
    });
    const chat = await alice.messaging.start({ to: 'sip:bob@contoso.com', subject: 'Shape' });
    await accepted.atLeast(1);
    const participants = await alice.get(await chat.resource(), 'participants');
    // The session's codecs hold the single object as the documented array.
    const hrefs = participants?.links.participant?.map((link) => link.href) ?? [];
    expect(hrefs).toHaveLength(1);
    expect(hrefs[0]).toMatch(/bob@contoso\.com$/);
    await alice.signOut();
    await bob.signOut();
  });
});
