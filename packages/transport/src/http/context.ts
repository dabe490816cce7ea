import type { DecodeOptions } from '@ucwa/model';
import type { KyInstance } from 'ky';
import type { AuthSession } from '../auth/auth-session.ts';
import type { CodecSet } from '../codecs.ts';
import type { Limiter } from '../limiter.ts';
import type { Logger } from '../logger.ts';
import type { OriginPolicy } from '../origin-policy.ts';
import type { RetryPolicy } from '../retry/retry-policy.ts';
import type { Timers } from '../signals.ts';

/** Everything one transport's calls share; built once by `createTransport`. */
export interface TransportContext {
  /** The transport's ky instance (see `createKy`). */
  readonly ky: KyInstance;
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
  /** Largest body read, in bytes: reading stops past it (resources, errors, batch parts). */
  readonly maxBytes: number;
  /** The options every decode gets (`maxBytes`), built once. */
  readonly decodeOptions: DecodeOptions;
}
