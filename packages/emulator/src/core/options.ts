import { randomInt } from 'node:crypto';
import type { FeatureFactory } from '../features/feature.ts';
import type { Clock } from './clock.ts';
import type { UserRecord } from './users.ts';

/** Options of {@link createEmulator} and {@link startEmulator}; every one has a default. */
export interface EmulatorOptions {
  /** Users and their passwords. Default: alice, bob, carol @contoso.com, password `demo`. */
  readonly users?: readonly UserRecord[];
  /** Format when `Accept` does not choose. Default `json`. */
  readonly formatDefault?: 'json' | 'xml';
  /** Origins allowed by CORS (`*` for any). Default none. */
  readonly cors?: readonly string[];
  /** Default the system clock; inject `createManualClock()` in tests. */
  readonly clock?: Clock;
  /**
   * Seed of ids, tokens, ETags and fault probabilities: the same seed gives the same
   * sequence. Default: a random seed, so no two runs hand out the same tokens.
   */
  readonly seed?: number;
  /** Token lifetime for users, seconds. Default 8 h (AuthenticationInUCWA.md). */
  readonly tokenLifetimeS?: number;
  /** Token lifetime for anonymous meeting join, seconds. Default 1 h. */
  readonly anonymousTokenLifetimeS?: number;
  /** Who the `urn:microsoft.rtc:windows` grant signs in; unset refuses that grant. */
  readonly windowsUser?: string;
  /** Where the passive grant sends the client (`ms_rtc_passiveauthuri`). */
  readonly passiveAuthUri?: string;
  /** An application with no request for this long is gone. Default 15 min. */
  readonly applicationIdleMs?: number;
  /** No P-GET for this long → the next answer carries `resume`. Default 10 min. */
  readonly resumeAfterMs?: number;
  /** Default 10; one more gets 409 Conflict TooManyApplications. */
  readonly maxApplicationsPerUser?: number;
  /** User agents refused with 403 Forbidden UserAgentNotAllowed. Default none. */
  readonly blockedUserAgents?: readonly string[];
  /** Outstanding requests per user, batch parts included (BatchingRequests.md). Default 100. */
  readonly maxOutstandingRequests?: number;
  /** Largest request body, bytes; larger gets 413. Default 1 MiB. */
  readonly maxBodyBytes?: number;
  /** Highest resource revision served (`X-MS-RequiresMinResourceVersion`). Default 2. */
  readonly resourceVersion?: number;
  /** `X-MS-UcwaVersion` on every response. Default `2.0`. */
  readonly ucwaVersion?: string;
  /** A `redirect` link in the discovery root instead of `user` (the client's security check). */
  readonly discoveryRedirect?: string;
  /** The admin endpoints under `/_emulator/` (faults). Default true. */
  readonly admin?: boolean;
  /** Replaces the built-in resource families. Default {@link defaultFeatures}. */
  readonly features?: readonly FeatureFactory[];
  /**
   * Refuse `sendMessage` without `operationId` (400), as the reference marks it required.
   * Default false: clients in the field omit it and real servers take the message.
   */
  readonly requireOperationId?: boolean;
  /**
   * Meetings scheduled before start, with fixed conference keys (for anonymous join in
   * tests). Every user also has an assigned meeting. Default none.
   */
  readonly meetings?: readonly PresetMeeting[];
}

/** A meeting scheduled at start: `organizer` is a user's address, `onlineMeetingId` its key. */
export interface PresetMeeting {
  readonly organizer: string;
  readonly onlineMeetingId: string;
  readonly subject?: string;
}

export type ResolvedOptions = Required<
  Omit<EmulatorOptions, 'windowsUser' | 'passiveAuthUri' | 'discoveryRedirect'>
> &
  Pick<EmulatorOptions, 'windowsUser' | 'discoveryRedirect'> & { readonly passiveAuthUri: string };

const MINUTE = 60_000;

/** Fills in every default. */
export function resolveOptions(
  options: EmulatorOptions,
  defaults: {
    users: () => readonly UserRecord[];
    clock: () => Clock;
    features: readonly FeatureFactory[];
  },
): ResolvedOptions {
  return {
    users: options.users ?? defaults.users(),
    formatDefault: options.formatDefault ?? 'json',
    cors: options.cors ?? [],
    clock: options.clock ?? defaults.clock(),
    seed: options.seed ?? randomInt(0x7fffffff),
    tokenLifetimeS: options.tokenLifetimeS ?? 8 * 3600,
    anonymousTokenLifetimeS: options.anonymousTokenLifetimeS ?? 3600,
    ...(options.windowsUser === undefined ? {} : { windowsUser: options.windowsUser }),
    passiveAuthUri:
      options.passiveAuthUri ?? 'https://sts.contoso.com/PassiveAuth/PassiveAuth.aspx',
    applicationIdleMs: options.applicationIdleMs ?? 15 * MINUTE,
    resumeAfterMs: options.resumeAfterMs ?? 10 * MINUTE,
    maxApplicationsPerUser: options.maxApplicationsPerUser ?? 10,
    blockedUserAgents: options.blockedUserAgents ?? [],
    maxOutstandingRequests: options.maxOutstandingRequests ?? 100,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    resourceVersion: options.resourceVersion ?? 2,
    ucwaVersion: options.ucwaVersion ?? '2.0',
    ...(options.discoveryRedirect === undefined
      ? {}
      : { discoveryRedirect: options.discoveryRedirect }),
    admin: options.admin ?? true,
    features: options.features ?? defaults.features,
    requireOperationId: options.requireOperationId ?? false,
    meetings: options.meetings ?? [],
  };
}
