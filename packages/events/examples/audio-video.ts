// Sign in with @ucwa/transport, open the event channel with @ucwa/events and react to
// audioVideo `updated` events while alice calls bob. Runs against the emulator it starts;
// to use a real server, set `origin` to its discovery URL and use real credentials.
import { randomUUID } from 'node:crypto';
import { startEmulator } from '@ucwa/emulator';
import { createEventChannel } from '@ucwa/events';
import { findLink, listEmbedded, type UnknownResource } from '@ucwa/model';
import { createTransport } from '@ucwa/transport';

const server = await startEmulator();
const origin = server.url;

const href = (resource: UnknownResource, rel: string): string => {
  const link = findLink(resource, rel);
  if (link === undefined) throw new Error(`${resource.rel} has no "${rel}" link`);
  return link.href;
};

async function signIn(username: string) {
  const transport = createTransport({
    origin,
    format: 'json',
    auth: { username, password: 'demo' },
  });
  const root = await transport.get('/', { auth: false });
  const user = await transport.get(href(root, 'user'));
  const created = await transport.post(href(user, 'applications'), {
    properties: { userAgent: 'events-example', endpointId: randomUUID(), culture: 'en-US' },
  });
  const application = created.resource ?? (await transport.get(created.location ?? ''));
  const [me] = listEmbedded(application, 'me');
  if (me === undefined) throw new Error('the application embeds no "me"');
  await transport.post(href(me, 'makeMeAvailable'), {
    properties: { supportedModalities: ['Messaging', 'Audio', 'Video'] },
  });
  // The event channel knows no HTTP library: it is handed the transport's P-GET.
  const channel = createEventChannel({
    href: href(application, 'events'),
    fetchEvents: (next, options) => transport.getEvents(next, options),
  });
  return { transport, application, channel };
}

const alice = await signIn('alice@contoso.com');
const bob = await signIn('bob@contoso.com');

// Bob accepts whatever he is invited to.
bob.channel.on({ rel: 'messagingInvitation', type: 'started' }, async (event) => {
  const invitation = event.resource ?? (await bob.transport.get(event.link.href));
  if (invitation.properties.direction === 'Incoming') {
    await bob.transport.post(href(invitation, 'accept'));
  }
});

// Alice reacts to her audioVideo modality: the embedded resource is typed.
let stateChanged: (state: string) => void = () => {};
alice.channel.on({ rel: 'audioVideo', type: 'updated' }, async (event) => {
  const audioVideo = event.resource ?? (await alice.transport.get(event.link.href));
  const state = String(audioVideo.properties.state);
  console.log(`alice: audioVideo is ${state}`);
  stateChanged(state);
});
const reaches = (wanted: string) =>
  new Promise<void>((resolve) => {
    stateChanged = (state) => state === wanted && resolve();
  });

alice.channel.start();
bob.channel.start();

// A messaging conversation first, tracked to completion on the event channel.
const [communication] = listEmbedded(alice.application, 'communication');
if (communication === undefined) throw new Error('the application embeds no "communication"');
const operationId = randomUUID();
const tracked = alice.channel.trackOperation(operationId, { timeout: 30_000 });
await alice.transport.post(href(communication, 'startMessaging'), {
  properties: { to: 'sip:bob@contoso.com', subject: 'Call me', operationId },
});
const invitation = (await tracked.result).resource;
if (invitation === undefined) throw new Error('the completed invitation was not embedded');
const conversation = await alice.transport.get(href(invitation, 'conversation'));
const audioVideo = await alice.transport.get(href(conversation, 'audioVideo'));

// Then audio and video: Connecting, Connected; then Disconnected after stopping.
const connected = reaches('Connected');
await alice.transport.post(href(audioVideo, 'addAudioVideo'), {
  properties: { to: 'sip:bob@contoso.com', operationId: randomUUID() },
});
await connected;
const disconnected = reaches('Disconnected');
await alice.transport.post(href(await alice.transport.get(audioVideo.href), 'stopAudioVideo'));
await disconnected;

await Promise.all([alice.channel.stop(), bob.channel.stop()]);
await server.close();
