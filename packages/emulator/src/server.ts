import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from './core/clock.ts';
import type { EmulatorOptions } from './core/options.ts';
import type { UserDirectory } from './core/users.ts';
import { createEmulator, type Emulator } from './emulator.ts';
import type { FaultPlan } from './faults/plan.ts';
import { nodeListener } from './http/node-adapter.ts';

export interface ServerOptions extends EmulatorOptions {
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** Default `0` (any free port). */
  readonly port?: number;
}

/** A running emulator. */
export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:49152`; the discovery root is `${url}/`. */
  readonly url: string;
  readonly users: UserDirectory;
  readonly faults: FaultPlan;
  readonly clock: Clock;
  /** The in-process handler on the same state. */
  readonly emulator: Emulator;
  /** Stops listening, ends waiting P-GETs and closes every connection. */
  close(): Promise<void>;
}

/**
 * Starts the emulator on node:http.
 *
 * @example
 * ```ts
 * const server = await startEmulator({ port: 0 });
 * const root = await fetch(`${server.url}/`, { headers: { Accept: 'application/json' } });
 * await server.close();
 * ```
 */
export async function startEmulator(options: ServerOptions = {}): Promise<RunningEmulator> {
  const emulator = createEmulator(options);
  const host = options.host ?? '127.0.0.1';
  let address = `${host}:0`;
  const server = createServer(
    // P-GETs wait up to 1,800 s: Node's 300 s default request timeout would cut them.
    { requestTimeout: 0, keepAliveTimeout: 5000 },
    nodeListener(emulator.handle, emulator.core.options.maxBodyBytes, () => address),
  );
  server.timeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const info = server.address() as AddressInfo;
  const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
  address = `${shown}:${info.port}`;
  return {
    url: `http://${address}`,
    users: emulator.users,
    faults: emulator.faults,
    clock: emulator.clock,
    emulator,
    async close() {
      emulator.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
