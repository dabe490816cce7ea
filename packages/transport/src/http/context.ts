import type { KyInstance } from 'ky';
import type { AuthSession } from '../auth/auth-session.ts';
import type { CodecSet } from '../codecs.ts';
import type { Limiter } from '../limiter.ts';
import type { Logger } from '../logger.ts';
import type { OriginPolicy } from '../origin-policy.ts';
import type { RetryPolicy } from '../retry/retry-policy.ts';
import type { Timers } from '../signals.ts';
import type { FetchLike } from './fetch-like.ts';

/** Everything one transport's calls share; built once by `createTransport`. */
export interface TransportContext {
  /** The transport's ky instance (see `createKy`). */
  readonly ky: KyInstance;
  readonly fetch: FetchLike;
  readonly codecs: CodecSet;
  readonly policy: OriginPolicy;
  readonly auth: AuthSession;
  readonly retry: RetryPolicy;
  readonly limiter: Limiter;
  readonly logger: Logger;
  readonly timers: Timers;
  readonly now: () => number;
  readonly timeout: number | false;
  readonly userAgent: string | undefined;
  readonly minResourceVersion: number | undefined;
  /** Largest decoded document, bytes (codec `maxBytes`). */
  readonly maxBytes: number | undefined;
}
