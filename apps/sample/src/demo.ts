// The demo: starts the UCWA emulator on 127.0.0.1, signs alice and bob in through
// @ucwa/transport, and has them exchange instant messages over their event channels.
// Then it prints what the catalog generated from the reference holds.
import { startEmulator } from '@ucwa/emulator';
import {
  type CatalogResource,
  catalog,
  dataUriText,
  enumerations,
  findLink,
  formatDataUri,
  parseDataUri,
  type Rel,
  type UcwaEvent,
} from '@ucwa/model';
import { type DemoSession, embeddedOf, signIn } from './session.ts';

const say = (who: string, what: string): void => console.log(`  ${who.padEnd(6)} ${what}`);
const eventText = (e: UcwaEvent): string => `${e.type} ${e.link.rel}`;

function linkHref(resource: { rel: string; links: object }, rel: string): string {
  const href = findLink(resource as Parameters<typeof findLink>[0], rel)?.href;
  if (href === undefined) throw new Error(`${resource.rel} has no "${rel}" link`);
  return href;
}

async function conversation(alice: DemoSession, bob: DemoSession): Promise<void> {
  const communication = embeddedOf(alice.application, 'communication');
  const started = await alice.transport.post(linkHref(communication, 'startMessaging'), {
    properties: { to: 'sip:bob@contoso.com', subject: 'Demo', operationId: 'demo-1' },
    links: { message: { rel: 'message', href: formatDataUri('Hi Bob, are you there?') } },
  });
  say('alice', `startMessaging → ${started.status}, invitation ${started.location ?? ''}`);

  const invitation = await bob.waitFor(
    (e) => e.link.rel === 'messagingInvitation' && e.type === 'started',
    (e) => say('bob', `event: ${eventText(e)}`),
  );
  const incoming = invitation.resource ?? (await bob.transport.get(invitation.link.href));
  const firstMessage = findLink(incoming, 'message')?.href;
  say(
    'bob',
    `invited: "${firstMessage === undefined ? '' : dataUriText(parseDataUri(firstMessage))}"`,
  );
  await bob.transport.post(linkHref(incoming, 'accept'));
  say('bob', 'accepted');

  let conversationHref: string | undefined;
  const done = await alice.waitFor(
    (e) => e.link.rel === 'messagingInvitation' && e.type === 'completed',
    (e) => {
      if (e.link.rel === 'conversation' && e.type === 'added') conversationHref = e.link.href;
      say('alice', `event: ${eventText(e)}`);
    },
  );
  say('alice', `invitation ${done.status ?? 'completed'}`);
  if (conversationHref === undefined) throw new Error('no conversation was added');
  const conv = await alice.transport.get(conversationHref);
  const modality = await alice.transport.follow(conv, 'messaging');
  const sent = await alice.transport.post(
    linkHref(modality, 'sendMessage'),
    { text: 'Lunch at noon?', contentType: 'text/plain; charset=utf-8' },
    { query: { operationId: 'demo-message-1' } },
  );
  say('alice', `sendMessage → ${sent.status}`);

  // An incoming message arrives as a completed `message` event embedding the message,
  // its text in a `plainMessage` data: link (ReceiveAnIM.md).
  const textOf = (e: UcwaEvent): string | undefined => {
    const href = e.resource === undefined ? undefined : findLink(e.resource, 'plainMessage')?.href;
    return href === undefined ? undefined : dataUriText(parseDataUri(href));
  };
  await bob.waitFor(
    (e) => e.link.rel === 'message' && e.type === 'completed' && textOf(e) === 'Lunch at noon?',
    (e) => {
      const text = e.link.rel === 'message' ? textOf(e) : undefined;
      say('bob', text === undefined ? `event: ${eventText(e)}` : `received: "${text}"`);
    },
  );
  say('bob', 'received: "Lunch at noon?"');
}

function catalogSummary(): void {
  const rels = Object.keys(catalog) as Rel[];
  const entries: CatalogResource[] = rels.map((rel) => catalog[rel]);
  const sum = (pick: (r: CatalogResource) => number): number =>
    entries.reduce((n, r) => n + pick(r), 0);
  console.log('\nThe catalog (@ucwa/model, generated from the UCWA 2.0 reference)');
  console.log(
    `  ${rels.length} rels from ${sum((r) => r.pages.length)} pages, ${Object.keys(enumerations).length} enumerations`,
  );
  console.log(
    `  ${sum((r) => Object.keys(r.properties).length)} properties, ${sum((r) => Object.keys(r.links).length)} links, ${sum((r) => r.events.length)} events, ${sum((r) => Object.keys(r.operations).length)} operations`,
  );
  const av = catalog.audioVideo;
  console.log(
    `  audioVideo: ${Object.keys(av.properties).join(', ')}; ${Object.keys(av.links).length} links; event ${av.events.map((e) => `${e.type}/${e.priority}/${e.sender}`).join(', ')}`,
  );
}

const server = await startEmulator();
console.log(
  `UCWA emulator at ${server.url} (users alice, bob, carol @contoso.com, password "demo")\n`,
);
try {
  const alice = await signIn(server.url, 'alice@contoso.com', 'demo');
  say('alice', `signed in: application ${alice.application.href}`);
  const bob = await signIn(server.url, 'bob@contoso.com', 'demo');
  say('bob', `signed in: application ${bob.application.href}`);
  await conversation(alice, bob);
  catalogSummary();
} finally {
  await server.close();
}
