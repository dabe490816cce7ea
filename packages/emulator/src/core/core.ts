import { ApplicationRegistry } from '../apps/registry.ts';
import { TokenStore } from '../auth/tokens.ts';
import { createPublisher } from '../events/publisher.ts';
import { DEFAULT_SETTINGS } from '../events/settings.ts';
import { createFaultPlan, type FaultPlan } from '../faults/plan.ts';
import type { AppRoute, Feature, FeatureHost } from '../features/feature.ts';
import { RouteTable } from '../http/router.ts';
import type { CodecTable } from '../wire/negotiate.ts';
import type { Clock } from './clock.ts';
import { createIds, type IdSource } from './ids.ts';
import type { ResolvedOptions } from './options.ts';
import { createUserStateStore } from './user-state.ts';
import { createUserDirectory, type UserDirectory } from './users.ts';

/** Everything one emulator owns. Nothing here is shared between emulators. */
export interface EmulatorCore {
  readonly options: ResolvedOptions;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly users: UserDirectory;
  readonly tokens: TokenStore;
  readonly registry: ApplicationRegistry;
  readonly host: FeatureHost;
  readonly features: readonly Feature[];
  readonly routes: RouteTable;
  readonly faults: FaultPlan;
  readonly codecs: CodecTable;
  /** Requests being processed, per user address (BatchingRequests.md limit). */
  readonly outstanding: Map<string, number>;
}

/**
 * Builds the core: registry, tokens, features and their routes. `builtIn` are the
 * application's own routes (application, events, batch, policies), which need the core.
 */
export function createCore(
  options: ResolvedOptions,
  codecs: CodecTable,
  builtIn: (core: EmulatorCore) => readonly AppRoute[],
): EmulatorCore {
  const clock = options.clock;
  const ids = createIds(options.seed);
  const features: Feature[] = [];
  const each = (fn: (f: Feature) => void): void => {
    for (const feature of features) fn(feature);
  };
  const registry = new ApplicationRegistry({
    clock,
    ids,
    idleMs: options.applicationIdleMs,
    resumeAfterMs: options.resumeAfterMs,
    settings: DEFAULT_SETTINGS,
    maxApplicationsPerUser: options.maxApplicationsPerUser,
    created: (app) => each((f) => f.onApplicationCreated?.(app)),
    removed: (app) => each((f) => f.onApplicationRemoved?.(app)),
    reset: (app) => each((f) => f.onTransientReset?.(app)),
  });
  const host: FeatureHost = {
    clock,
    ids,
    users: createUserDirectory(options.users),
    userState: createUserStateStore(() => clock.now()),
    events: createPublisher(
      (id) => registry.get(id),
      (address) => registry.ofUser(address),
    ),
    applications: { ofUser: (address) => registry.ofUser(address), get: (id) => registry.get(id) },
  };
  for (const factory of options.features) features.push(factory(host));
  const partial = {
    options,
    clock,
    ids,
    users: host.users,
    tokens: new TokenStore(clock, ids),
    registry,
    host,
    features,
    faults: createFaultPlan(createIds(options.seed ^ 0x5eed)),
    codecs,
    outstanding: new Map<string, number>(),
  };
  let routes: RouteTable | undefined;
  const core: EmulatorCore = {
    ...partial,
    get routes(): RouteTable {
      if (routes === undefined) throw new Error('routes are not built yet');
      return routes;
    },
  };
  routes = new RouteTable([...builtIn(core), ...features.flatMap((f) => f.routes)]);
  return core;
}
