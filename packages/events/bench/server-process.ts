import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The benchmark server (events-server.ts) in a child process. */
export interface ServerProcess {
  readonly origin: string;
  readonly child: ChildProcess;
  /** How many P-GETs the server holds now (mode "hold"). */
  held(): Promise<number>;
  close(): void;
}

export async function startServerProcess(mode: 'answer' | 'hold'): Promise<ServerProcess> {
  const script = fileURLToPath(new URL('./events-server.ts', import.meta.url));
  const child = fork(script, [mode], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`the benchmark server exited with ${code}`)));
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    child,
    held: () =>
      new Promise((resolve) => {
        child.once('message', (m: { held: number }) => resolve(m.held));
        child.send({ ask: 'held' });
      }),
    close: () => child.kill(),
  };
}
