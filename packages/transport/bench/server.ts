import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';

/** The benchmark server (server-process.ts) in its own process. */
export interface BenchServer {
  readonly origin: string;
  /** How many `/events` requests the server holds open now. */
  held(): Promise<number>;
  close(): Promise<void>;
}

function ask(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (message: { held?: number }): void => {
      if (message.held === undefined) return;
      child.off('message', onMessage);
      resolve(message.held);
    };
    child.on('message', onMessage);
    child.send({ ask: 'held' });
  });
}

/** Starts the server in a child process (plain Node, no test runner inside). */
export async function startBenchServer(): Promise<BenchServer> {
  const child = fork(new URL('./server-process.ts', import.meta.url), [], {
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [first] = (await once(child, 'message')) as [{ port: number }];
  return {
    origin: `http://127.0.0.1:${first.port}`,
    held: () => ask(child),
    close: async () => {
      const exited = once(child, 'exit');
      child.disconnect();
      await exited;
    },
  };
}
