import { builtinRoutes } from './apps/builtin-routes.ts';
import { batchRoute } from './batch/batch-route.ts';
import type { Clock } from './core/clock.ts';
import { systemClock } from './core/clock.ts';
import { createCore, type EmulatorCore } from './core/core.ts';
import { type EmulatorOptions, resolveOptions } from './core/options.ts';
import { demoUsers, type UserDirectory } from './core/users.ts';
import type { FaultPlan } from './faults/plan.ts';
import { defaultFeatures } from './features/defaults.ts';
import { toEmulatorRequest, toFetchResponse } from './http/fetch-adapter.ts';
import { createHandler, type Handler } from './http/handler.ts';
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
  /** @internal The adapters' entry point. */
  readonly handle: (request: EmulatorRequest) => Promise<WireResponse>;
  /** @internal */
  readonly core: EmulatorCore;
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
  let core: EmulatorCore | undefined;
  const handler: Handler = createHandler(() => core as EmulatorCore);
  const codecs = { json: jsonCodec, xml: xmlCodec, defaultFormat: resolved.formatDefault };
  core = createCore(resolved, codecs, (c) =>
    builtinRoutes(c, (request) => handler.flags.get(request) ?? {}, batchRoute(c, handler.inner)),
  );
  const ready = core;
  return {
    users: ready.users,
    faults: ready.faults,
    clock: ready.clock,
    core: ready,
    handle: (request) => handler.handle(request),
    async fetch(request) {
      const converted = await toEmulatorRequest(request, ready.options.maxBodyBytes);
      if ('status' in converted) return toFetchResponse(converted);
      return toFetchResponse(await handler.handle(converted));
    },
    close: () => ready.registry.clear(),
  };
}
