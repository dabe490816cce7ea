import type { IdSource } from '../core/ids.ts';

/** What a fault does to the request it matches. */
export type FaultAction =
  | { readonly type: 'delay'; readonly ms: number }
  /** Sends the headers and half the body, then destroys the connection. */
  | { readonly type: 'drop' }
  | { readonly type: 'status'; readonly status: 500 | 502 | 503; readonly retryAfter?: number }
  | { readonly type: 'pgetReplaced' }
  | { readonly type: 'applicationNotFound' }
  /**
   * The application the request addresses is deleted for good (its conversations end,
   * its subscriptions go, a waiting P-GET gets 404), then the request gets 404
   * ApplicationNotFound.
   */
  | { readonly type: 'dropApplication' }
  /** The next matching P-GET gets a lone `resync` link. */
  | { readonly type: 'resync' }
  /** The next matching P-GET resets transient state and answers with `resume`. */
  | { readonly type: 'resume' }
  /** The request's bearer token expires before it is checked. */
  | { readonly type: 'expireToken' }
  | { readonly type: 'tooManyRequests'; readonly retryAfter?: number }
  /**
   * Any UCWA error body, such as one a resource page documents (audioVideo's GET:
   * 409 Conflict/AlreadyExists, 410 Gone/CannotRedirect, ...). `code` defaults to the
   * one the status implies.
   */
  | {
      readonly type: 'error';
      readonly status: number;
      readonly code?: string;
      readonly subcode?: string;
      readonly message?: string;
    };

/** When a fault fires. Unset matchers match everything. */
export interface FaultRule {
  readonly action: FaultAction;
  /** `GET`, `POST`, ... */
  readonly method?: string;
  /** A substring of the path (`/events`), or a regular expression on it. */
  readonly path?: string | RegExp;
  /** Fire on the nth matching request only (1-based). */
  readonly nth?: number;
  /** Fire on every nth matching request. */
  readonly every?: number;
  /** Fire with this probability, drawn from the emulator's seeded random source. */
  readonly probability?: number;
  /** Fire at most this many times. Default: once with `nth`, else unlimited. */
  readonly times?: number;
}

/** A rule as listed, with its id and counters. */
export interface ActiveFault extends FaultRule {
  readonly id: string;
  readonly seen: number;
  readonly fired: number;
}

/**
 * The fault plan of one emulator: rules tried on every request (admin requests
 * excepted), in the order they were added.
 *
 * @example
 * ```ts
 * const server = await startEmulator();
 * server.faults.add({ path: '/events', nth: 2, action: { type: 'status', status: 503, retryAfter: 5 } });
 * ```
 */
export interface FaultPlan {
  add(rule: FaultRule): string;
  remove(id: string): boolean;
  clear(): void;
  list(): readonly ActiveFault[];
  /** The actions that fire for this request (counts it). */
  take(method: string, path: string): readonly FaultAction[];
}

interface Entry {
  id: string;
  rule: FaultRule;
  seen: number;
  fired: number;
}

function pathMatches(rule: FaultRule, path: string): boolean {
  if (rule.path === undefined) return true;
  return typeof rule.path === 'string' ? path.includes(rule.path) : rule.path.test(path);
}

/** A fault plan drawing probabilities from `ids`. */
export function createFaultPlan(ids: IdSource): FaultPlan {
  let entries: Entry[] = [];
  let counter = 0;
  const fires = (entry: Entry): boolean => {
    const { rule } = entry;
    const limit = rule.times ?? (rule.nth === undefined ? Number.POSITIVE_INFINITY : 1);
    if (entry.fired >= limit) return false;
    if (rule.nth !== undefined && entry.seen !== rule.nth) return false;
    if (rule.every !== undefined && entry.seen % rule.every !== 0) return false;
    return rule.probability === undefined || ids.random() < rule.probability;
  };
  return {
    add(rule) {
      counter += 1;
      const id = `fault-${counter}`;
      entries.push({ id, rule, seen: 0, fired: 0 });
      return id;
    },
    remove(id) {
      const before = entries.length;
      entries = entries.filter((e) => e.id !== id);
      return entries.length < before;
    },
    clear() {
      entries = [];
    },
    list: () => entries.map((e) => ({ ...e.rule, id: e.id, seen: e.seen, fired: e.fired })),
    take(method, path) {
      const actions: FaultAction[] = [];
      for (const entry of entries) {
        const { rule } = entry;
        if (rule.method !== undefined && rule.method.toUpperCase() !== method) continue;
        if (!pathMatches(rule, path)) continue;
        entry.seen += 1;
        if (!fires(entry)) continue;
        entry.fired += 1;
        actions.push(rule.action);
      }
      return actions;
    },
  };
}
