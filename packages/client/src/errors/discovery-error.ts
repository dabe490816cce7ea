import { UcwaClientError } from './ucwa-client-error.ts';

/** One discovery URL tried and why it failed. */
export interface DiscoveryAttempt {
  readonly url: string;
  readonly error: unknown;
}

/**
 * No discovery URL led to a user resource (RootURL.md): each candidate timed out, could
 * not be reached, answered 404, or redirected to another domain. `attempts` says which
 * URL failed how, in the order they were tried.
 */
export class UcwaDiscoveryError extends UcwaClientError {
  override readonly name = 'UcwaDiscoveryError';
  readonly attempts: readonly DiscoveryAttempt[];

  constructor(message: string, attempts: readonly DiscoveryAttempt[]) {
    super(message, { cause: attempts.at(-1)?.error });
    this.attempts = attempts;
  }
}
