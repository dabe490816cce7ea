import { ApplicationRegistry } from '../apps/application-registry.ts';
import { BUILTIN_ROUTES } from '../apps/builtin-routes.ts';
import { TokenStore } from '../auth/tokens.ts';
import { batchRoute } from '../batch/batch-route.ts';
import type { PGetFlags } from '../events/channel.ts';
import { createPublisher } from '../events/publisher.ts';
import { DEFAULT_SETTINGS } from '../events/settings.ts';
import { createFaultPlan, type FaultPlan } from '../faults/plan.ts';
import type { Feature, FeatureHost } from '../features/feature.ts';
import { bindRoutes } from '../features/route-table.ts';
import { handleInner } from '../http/handler.ts';
import { RouteTable } from '../http/router.ts';
import type { EmulatorRequest } from '../http/types.ts';
import type { CodecTable } from '../wire/negotiate.ts';
import type { Clock } from './clock.ts';
import { createConferenceDirectory } from './conferences.ts';
import { createIds, type IdSource } from './ids.ts';
import type { ResolvedOptions } from './options.ts';
import { createUserStateStore } from './user-state.ts';
import { createUserDirectory, type UserDirectory } from './users.ts';

/** Everything one emulator owns but its routes. Nothing here is shared between emulators. */
export interface CoreParts {
  readonly options: ResolvedOptions;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly users: UserDirectory;
  readonly tokens: TokenStore;
  readonly registry: ApplicationRegistry;
  readonly host: FeatureHost;
  readonly features: readonly Feature[];
  readonly faults: FaultPlan;
  readonly codecs: CodecTable;
  /** Requests being processed, per user address (BatchingRequests.md limit). */
  readonly outstanding: Map<string, number>;
  /** resync/resume faults recorded for the event channel route to read. */
  readonly pgetFlags: WeakMap<EmulatorRequest, PGetFlags>;
}

/** The core with its routes table. */
export interface EmulatorCore extends CoreParts {
  readonly routes: RouteTable;
}

function featureHost(
  options: ResolvedOptions,
  ids: IdSource,
  registry: ApplicationRegistry,
  features: readonly Feature[],
): FeatureHost {
  const clock = options.clock;
  return {
    clock,
    ids,
    users: createUserDirectory(options.users),
    userState: createUserStateStore(() => clock.now()),
    events: createPublisher(
      (id) => registry.get(id),
      (address) => registry.ofUser(address),
    ),
    applications: { ofUser: (address) => registry.ofUser(address), get: (id) => registry.get(id) },
    conferences: createConferenceDirectory(),
    requireOperationId: options.requireOperationId,
    presetMeetings: options.meetings,
    embedded(app, rel) {
      for (const feature of features) {
        const build = feature.embeds?.[rel];
        if (build !== undefined) return build(app);
      }
      return undefined;
    },
    madeAvailable(app, endpoint) {
      for (const feature of features) feature.onMadeAvailable?.(app, endpoint);
    },
  };
}

/** Builds the core: registry, tokens, features, and the routes table over all of them. */
export function createCore(options: ResolvedOptions, codecs: CodecTable): EmulatorCore {
  const ids = createIds(options.seed);
  const features: Feature[] = [];
  const each = (fn: (f: Feature) => void): void => {
    for (const feature of features) fn(feature);
  };
  const registry = new ApplicationRegistry({
    clock: options.clock,
    ids,
    idleMs: options.applicationIdleMs,
    resumeAfterMs: options.resumeAfterMs,
    settings: DEFAULT_SETTINGS,
    maxApplicationsPerUser: options.maxApplicationsPerUser,
    created: (app) => each((f) => f.onApplicationCreated?.(app)),
    removed: (app) => each((f) => f.onApplicationRemoved?.(app)),
    reset: (app) => each((f) => f.onTransientReset?.(app)),
  });
  const host = featureHost(options, ids, registry, features);
  for (const factory of options.features) features.push(factory(host));
  const parts: CoreParts = {
    options,
    clock: options.clock,
    ids,
    users: host.users,
    tokens: new TokenStore(options.clock, ids),
    registry,
    host,
    features,
    faults: createFaultPlan(createIds(options.seed ^ 0x5eed)),
    codecs,
    outstanding: new Map<string, number>(),
    pgetFlags: new WeakMap(),
  };
  // The batch route runs its parts through the whole pipeline, this core's included.
  const core: EmulatorCore = {
    ...parts,
    routes: new RouteTable([
      ...bindRoutes(parts, BUILTIN_ROUTES),
      batchRoute(parts, (request) => handleInner(core, request)),
      ...features.flatMap((f) => f.routes),
    ]),
  };
  return core;
}
