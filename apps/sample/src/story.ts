// The demo as a story you can read top to bottom: two people sign in to a UCWA server
// (the emulator, so no Skype for Business deployment is needed), see each other's
// presence, chat, and start and stop an audio call. Run it with `pnpm --filter
// @ucwa/sample run story`; every line it prints comes from one step below.
import { type Session, signIn } from '@ucwa/client';
import { startEmulator } from '@ucwa/emulator';

const say = (who: string, text: string) => console.log(`${who.padEnd(6)} ${text}`);

// 1. A UCWA 2.0 server with alice, bob and carol @contoso.com (password "demo").
const server = await startEmulator();
say('server', `UCWA emulator at ${server.url}`);

// 2. Both sign in: discovery, the token, an application and its event channel.
async function signInAs(name: string): Promise<Session> {
  const session = await signIn({
    discoveryUrl: `${server.url}/`,
    credentials: { username: `${name}@contoso.com`, password: 'demo' },
    application: { userAgent: 'ucwa-story/1.0' },
  });
  await session.makeMeAvailable({
    supportedModalities: ['Messaging', 'Audio'],
    supportedMessageFormats: ['Plain', 'Html'],
  });
  say(name, `signed in, ${session.status.state}`);
  return session;
}
const alice = await signInAs('alice');
const bob = await signInAs('bob');

// 3. Bob follows alice's presence; alice goes Busy and bob is told.
const aliceBusy = new Promise<void>((resolve) => {
  let last: string | undefined;
  bob.presence.onContactPresence((change) => {
    if (change.availability === last) return;
    last = change.availability;
    say('bob', `sees alice ${change.availability}`);
    if (change.availability === 'Busy') resolve();
  });
});
await bob.presence.subscribe(['sip:alice@contoso.com']);
await alice.presence.setAvailability('Busy');
await aliceBusy;

// 4. Alice invites bob with a first message; bob accepts and answers.
const answered = new Promise<void>((resolve) => {
  bob.messaging.onInvitation(async (invitation) => {
    say('bob', `invited by ${invitation.from.name}: "${invitation.message?.text}"`);
    const chat = await invitation.accept();
    await chat.send('<b>Yes</b>, noon works', { html: true });
    resolve();
  });
});
const chat = await alice.messaging.start({ to: 'sip:bob@contoso.com', message: 'Lunch today?' });
const reply = new Promise<void>((resolve) => {
  chat.onMessage((message) => {
    say('alice', `got "${message.text}"${message.html ? ' (HTML)' : ''}`);
    resolve();
  });
});
await answered;
await reply;

// 5. Alice adds audio: the audioVideo modality moves Disconnected → Connecting → Connected.
const call = await chat.audioVideo();
say('alice', `audioVideo ${call.current.state}; can ${call.current.actions.join(', ')}`);
const connected = new Promise<void>((resolve) => {
  call.onChange((state) => {
    say('alice', `audioVideo ${state.state}`);
    if (state.state === 'Connected') resolve();
  });
});
await call.run('addAudio', { to: 'sip:bob@contoso.com' });
await connected;
const stopped = new Promise<void>((resolve) => {
  call.onChange((state) => state.state === 'Disconnected' && resolve());
});
await call.run('stopAudio');
await stopped;
call.close();

// 6. Both sign out; the server stops.
await alice.signOut();
await bob.signOut();
say('server', 'both signed out; done');
await server.close();
