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
  #sweepAt = 1024;

  constructor(clock: Clock, ids: IdSource) {
    this.#clock = clock;
    this.#ids = ids;
  }

  /** Issues a `cwt=…` token valid for `lifetimeS` seconds on `host`; forgets expired ones. */
  issue(fields: Omit<TokenRecord, 'token' | 'expiresAt'>, lifetimeS: number): TokenRecord {
    this.#sweep();
    const record: TokenRecord = {
      ...fields,
      token: `cwt=${this.#ids.hex(48)}`,
      expiresAt: this.#clock.now() + lifetimeS * 1000,
    };
    this.#tokens.set(record.token, record);
    return record;
  }

  /** How many tokens are kept (expired ones not yet swept included). */
  get size(): number {
    return this.#tokens.size;
  }

  /**
   * Drops expired tokens. Runs when the store has doubled since the last sweep, so the
   * cost per issued token stays constant and expired tokens never pile up.
   */
  #sweep(): void {
    if (this.#tokens.size < this.#sweepAt) return;
    const now = this.#clock.now();
    for (const [token, record] of this.#tokens) {
      if (record.expiresAt <= now) this.#tokens.delete(token);
    }
    this.#sweepAt = Math.max(1024, this.#tokens.size * 2);
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
