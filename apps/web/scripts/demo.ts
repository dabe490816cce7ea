// `pnpm run demo`: the emulator with its demo users, and the web app (built by the
// package's demo script) served next to it; Ctrl-C stops both.
//   UCWA_EMULATOR_PORT (4000) and UCWA_WEB_PORT (5173) choose the ports.
import { fileURLToPath } from 'node:url';
import { startEmulator } from '@ucwa/emulator';
import { preview } from 'vite';

const host = '127.0.0.1';
const webPort = Number(process.env.UCWA_WEB_PORT ?? 5173);
const emulatorPort = Number(process.env.UCWA_EMULATOR_PORT ?? 4000);
const origin = `http://${host}:${webPort}`;

const web = await preview({
  root: fileURLToPath(new URL('..', import.meta.url)),
  logLevel: 'warn',
  preview: { host, port: webPort, strictPort: true, open: false },
});
const emulator = await startEmulator({ host, port: emulatorPort, cors: [origin] }).catch(
  async (error: unknown) => {
    await web.close();
    throw error;
  },
);

const users = emulator.users.all.map((user) => user.address);
console.log(`
  UCWA emulator  ${emulator.url}/  (no Skype for Business server needed)
  Web app        ${origin}/?server=${emulator.url}/

  Open the web app in two tabs, sign in as ${users.slice(0, 2).join(' and ')}
  (password "demo"; ${users.slice(2).join(', ')} as well), then chat, change presence, try audioVideo.
  From a terminal: UCWA_USER=carol@contoso.com UCWA_PASSWORD=demo pnpm --silent --filter @ucwa/cli ucwa contacts
  Ctrl-C stops both.
`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping the web app and the emulator');
  await Promise.allSettled([web.close(), emulator.close()]);
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
