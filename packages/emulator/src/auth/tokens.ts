import type { Clock } from '../core/clock.ts';
import type { IdSource } from '../core/ids.ts';
import type { UserRecord } from '../core/users.ts';

/** An issued access token. */
export interface TokenRecord {
  readonly token: string;
  readonly user: UserRecord;
  readonly anonymous: boolean;
  /** For anonymous meeting join: the conference the token admits to. */
  readonly conferenceUri?: string;
  /** The `host` the token was issued on; it is valid nowhere else. */
  readonly host: string;
  expiresAt: number;
}

/** The access tokens of one emulator. */
export class TokenStore {
  readonly #clock: Clock;
  readonly #ids: IdSource;
  readonly #tokens = new Map<string, TokenRecord>();
  /** Token strings by lifetime (seconds), in the order issued: oldest first. */
  readonly #byLifetime = new Map<number, Set<string>>();

  constructor(clock: Clock, ids: IdSource) {
    this.#clock = clock;
    this.#ids = ids;
  }

  /** Issues a `cwt=…` token valid for `lifetimeS` seconds on `host`; forgets expired ones. */
  issue(fields: Omit<TokenRecord, 'token' | 'expiresAt'>, lifetimeS: number): TokenRecord {
    this.#prune();
    const record: TokenRecord = {
      ...fields,
      token: `cwt=${this.#ids.hex(48)}`,
      expiresAt: this.#clock.now() + lifetimeS * 1000,
    };
    this.#tokens.set(record.token, record);
    let queue = this.#byLifetime.get(lifetimeS);
    if (queue === undefined) {
      queue = new Set();
      this.#byLifetime.set(lifetimeS, queue);
    }
    queue.add(record.token);
    return record;
  }

  /**
   * Forgets expired tokens. Tokens of one lifetime expire in the order they were issued,
   * so each queue is trimmed from its front and the cost is constant per token.
   */
  #prune(): void {
    const now = this.#clock.now();
    for (const queue of this.#byLifetime.values()) {
      for (const token of queue) {
        const record = this.#tokens.get(token);
        if (record !== undefined && record.expiresAt > now) break;
        queue.delete(token);
        this.#tokens.delete(token);
      }
    }
  }

  /** The token record for a raw token, expired or not. */
  lookup(token: string): TokenRecord | undefined {
    return this.#tokens.get(token);
  }

  /**
   * The record behind an `Authorization: Bearer …` header, if the token is known, not
   * expired, and used on the host it was issued for.
   */
  verify(authorization: string | null, host: string): TokenRecord | undefined {
    this.#prune();
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    const record = match?.[1] === undefined ? undefined : this.#tokens.get(match[1]);
    if (record === undefined) return undefined;
    if (record.expiresAt <= this.#clock.now()) return undefined;
    return record.host.toLowerCase() === host.toLowerCase() ? record : undefined;
  }

  /** Expires a token now (fault injection). */
  expire(authorization: string | null): void {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    const record = match?.[1] === undefined ? undefined : this.#tokens.get(match[1]);
    if (record !== undefined) record.expiresAt = this.#clock.now();
  }
}
