import { signIn } from '@ucwa/client';

const discoveryUrl = process.env.UCWA_SERVER ?? 'http://127.0.0.1:4000/';
const user = (username: string) =>
  signIn({
    discoveryUrl,
    credentials: { username, password: 'demo' },
    application: { userAgent: 'av/1.0' },
  });
const [alice, bob] = await Promise.all([user('alice@contoso.com'), user('bob@contoso.com')]);
for (const session of [alice, bob])
  await session.makeMeAvailable({ supportedModalities: ['Messaging', 'Audio'] });
bob.messaging.onInvitation(async (invitation) => void (await invitation.accept()));

const chat = await alice.messaging.start({ to: 'sip:bob@contoso.com', message: 'A call?' });
const av = await chat.audioVideo();
const connected = new Promise<void>((resolve) =>
  av.onChange((state) => {
    console.log(`audioVideo ${state.state}; links: ${state.actions.join(', ')}`);
    if (state.state === 'Connected') resolve();
  }),
);
await av.run('addAudio', { to: 'sip:bob@contoso.com' });
await connected;
await Promise.all([alice.signOut(), bob.signOut()]);
