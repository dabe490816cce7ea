import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from './core/clock.ts';
import type { EmulatorOptions } from './core/options.ts';
import type { UserDirectory } from './core/users.ts';
import { createEmulator, type Emulator, internalsOf } from './emulator.ts';
import type { FaultPlan } from './faults/plan.ts';
import { nodeListener, onClientError } from './http/node-adapter.ts';

export interface ServerOptions extends EmulatorOptions {
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** Default `0` (any free port). */
  readonly port?: number;
  /** A client must send its request headers within this time (408). Default 20 s. */
  readonly headersTimeoutMs?: number;
  /**
   * A client must send its whole request (headers and body) within this time (408). The
   * answer is not limited: a P-GET is held for its full `timeout`. Default 60 s.
   */
  readonly requestTimeoutMs?: number;
  /** An idle keep-alive connection is closed after this time. Default 5 s. */
  readonly keepAliveTimeoutMs?: number;
  /** Connections open at once; more are refused by closing them. Default 16,384. */
  readonly maxConnections?: number;
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
 * Starts the emulator on node:http. Slow or silent clients are cut off (408) and idle
 * connections closed, while P-GETs are held for their full `timeout`.
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
  const internals = internalsOf(emulator);
  const host = options.host ?? '127.0.0.1';
  let address = `${host}:0`;
  const server = createServer(
    {
      // Node's request timeout covers receiving the request only, never the answer.
      requestTimeout: options.requestTimeoutMs ?? 60_000,
      headersTimeout: options.headersTimeoutMs ?? 20_000,
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 5000,
      connectionsCheckingInterval: Math.min(1000, options.headersTimeoutMs ?? 1000),
    },
    nodeListener(internals.handle, internals.maxBodyBytes, () => address),
  );
  server.timeout = 0;
  server.maxConnections = options.maxConnections ?? 16_384;
  server.on('clientError', onClientError);
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
