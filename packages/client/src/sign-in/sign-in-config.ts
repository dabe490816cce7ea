import { systemTimers } from '@ucwa/model';
import {
  type AuthOption,
  createTransport,
  type Timers,
  type Transport,
  type TransportOptions,
} from '@ucwa/transport';
import { createMemoryStorage } from '../storage.ts';
import { catalogCodecs } from './catalog-codecs.ts';
import { type IdentityRecords, identityRecords } from './discovery-cache.ts';
import { discoveryCandidates, domainOf } from './discovery-candidates.ts';
import { createRedirectPolicy, type RedirectPolicy } from './redirect-policy.ts';
import type { SignInOptions } from './sign-in-options.ts';

/** `signIn`'s options checked, with every default filled in. */
export interface SignInConfig {
  readonly options: SignInOptions;
  readonly candidates: readonly string[];
  readonly policy: RedirectPolicy;
  readonly records: IdentityRecords;
  readonly timers: Timers;
  readonly now: () => number;
  readonly randomId: () => string;
  readonly signal: AbortSignal | undefined;
  /** A transport for discovery: no retries, a short timeout, no token sent. */
  readonly openDiscovery: (origin: string) => Transport;
  /** The session's transport for a pool origin. */
  readonly openSession: (origin: string) => Transport;
}

function authOf(options: SignInOptions): AuthOption {
  if (options.tokenProvider !== undefined) return options.tokenProvider;
  if (options.credentials !== undefined) return options.credentials;
  throw new TypeError('signIn: give credentials or a tokenProvider');
}

/** The user name of the first credentials, if they have one (the default storage key). */
export function signInName(options: Pick<SignInOptions, 'credentials'>): string | undefined {
  const c = options.credentials;
  const first = Array.isArray(c) ? c[0] : c;
  return first !== undefined && 'username' in first ? first.username : undefined;
}

function startOf(options: SignInOptions): { home: string; candidates: string[] } {
  if (options.discoveryUrl !== undefined) {
    return { home: new URL(options.discoveryUrl).hostname, candidates: [options.discoveryUrl] };
  }
  const domain = options.domain ?? '';
  return { home: domain, candidates: discoveryCandidates(domain, options.allowHttpDiscovery) };
}

/** Where discovery starts, as the key of what was found from there: the URL or the domain. */
export function startKey(options: Pick<SignInOptions, 'discoveryUrl' | 'domain'>): string {
  return (options.discoveryUrl ?? options.domain ?? '').toLowerCase();
}

/** Checks the options and builds the transports' factories. */
export function resolveSignIn(options: SignInOptions): SignInConfig {
  if (typeof options.application?.userAgent !== 'string' || options.application.userAgent === '') {
    throw new TypeError('signIn: application.userAgent is required');
  }
  const auth = authOf(options);
  const { home, candidates } = startOf(options);
  const timers = options.timers ?? systemTimers;
  const now = options.now ?? Date.now;
  const base: Omit<TransportOptions, 'origin'> = {
    format: options.format ?? 'json',
    auth,
    timers,
    now,
    codecs: catalogCodecs(options.codecs),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  };
  const identity = options.storageKey ?? signInName(options) ?? domainOf(home) ?? home;
  return {
    options,
    candidates,
    policy: createRedirectPolicy(home, options.redirectPolicy),
    records: identityRecords(options.storage ?? createMemoryStorage(), identity, startKey(options)),
    timers,
    now,
    randomId: options.randomId ?? (() => crypto.randomUUID()),
    signal: options.signal,
    openDiscovery: (origin) =>
      createTransport({
        ...base,
        origin,
        retry: false,
        timeout: options.discoveryTimeout ?? 10_000,
      }),
    openSession: (origin) => createTransport({ ...base, origin, cache: true }),
  };
}
