import { type RunningEmulator, type ServerOptions, startEmulator } from '@ucwa/emulator';
import { afterEach } from 'vitest';

const running: RunningEmulator[] = [];

/** Starts an emulator on 127.0.0.1 for the current test; closed after it. */
export async function emulator(options: ServerOptions = {}): Promise<RunningEmulator> {
  const server = await startEmulator(options);
  running.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});
