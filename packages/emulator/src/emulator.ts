import type { Clock } from './core/clock.ts';
import { systemClock } from './core/clock.ts';
import { createCore } from './core/core.ts';
import { type EmulatorOptions, resolveOptions } from './core/options.ts';
import { demoUsers, type UserDirectory } from './core/users.ts';
import type { FaultPlan } from './faults/plan.ts';
import { defaultFeatures } from './features/defaults.ts';
import { toEmulatorRequest, toFetchResponse } from './http/fetch-adapter.ts';
import { handleRequest } from './http/handler.ts';
import type { EmulatorRequest, WireResponse } from './http/types.ts';
import { jsonCodec, xmlCodec } from './wire/codecs.ts';

/** An emulator without a socket: the same routes, answered in process. */
export interface Emulator {
  /** Answers a fetch `Request` (absolute URL) as the server would. */
  fetch(request: Request): Promise<Response>;
  readonly users: UserDirectory;
  readonly faults: FaultPlan;
  readonly clock: Clock;
  /** Ends every application (waiting P-GETs get 404 ApplicationNotFound). */
  close(): void;
}

/** What the node:http server needs of an emulator, kept out of the public type. */
interface Internals {
  readonly handle: (request: EmulatorRequest) => Promise<WireResponse>;
  readonly maxBodyBytes: number;
}

const internals = new WeakMap<Emulator, Internals>();

/** The adapters' entry point of an emulator made by {@link createEmulator}. */
export function internalsOf(emulator: Emulator): Internals {
  const found = internals.get(emulator);
  if (found === undefined) throw new TypeError('not an emulator made by createEmulator()');
  return found;
}

/**
 * Creates an emulator answering in process, through the routes table a server uses.
 *
 * @example
 * ```ts
 * const emulator = createEmulator({ clock: createManualClock(0) });
 * const root = await emulator.fetch(new Request('http://ucwa.test/', { headers: { Accept: 'application/json' } }));
 * ```
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const resolved = resolveOptions(options, {
    users: demoUsers,
    clock: systemClock,
    features: defaultFeatures,
  });
  const codecs = { json: jsonCodec, xml: xmlCodec, defaultFormat: resolved.formatDefault };
  const core = createCore(resolved, codecs);
  const handle = (request: EmulatorRequest): Promise<WireResponse> => handleRequest(core, request);
  const emulator: Emulator = {
    users: core.users,
    faults: core.faults,
    clock: core.clock,
    async fetch(request) {
      const converted = await toEmulatorRequest(request, resolved.maxBodyBytes);
      return toFetchResponse('status' in converted ? converted : await handle(converted));
    },
    close: () => core.registry.clear(),
  };
  internals.set(emulator, { handle, maxBodyBytes: resolved.maxBodyBytes });
  return emulator;
}
