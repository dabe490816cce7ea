// The emulator for the idle-channels benchmark, in its own process: `users` users, each
// allowed `apps` applications. Sends its URL over IPC.
import { startEmulator } from '@ucwa/emulator';

const users = Number(process.argv[2] ?? 50);
const apps = Number(process.argv[3] ?? 100);
const server = await startEmulator({
  users: Array.from({ length: users }, (_, i) => ({
    address: `user${i}@contoso.com`,
    password: 'pw',
    name: `User ${i}`,
    contacts: [],
  })),
  maxApplicationsPerUser: apps,
  maxConnections: 20_000,
});
process.send?.({ url: server.url });
process.on('disconnect', () => {
  void server.close().finally(() => process.exit(0));
});
