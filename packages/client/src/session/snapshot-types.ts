import type { EventCursor } from '@ucwa/events';
import type { AccessToken } from '@ucwa/transport';
import type { CachedDiscovery } from '../sign-in/discovery-cache.ts';

/**
 * What `resumeSession` needs to continue a session; JSON-serializable, and free of
 * secrets unless asked for (`snapshot({ secrets: true })` adds the current token).
 */
export interface SessionSnapshot {
  readonly version: 1;
  readonly endpointId: string;
  readonly userAgent: string;
  readonly culture: string;
  /** The event channel instance of the application (MultiTabSupport.md). */
  readonly instanceId: string;
  /** The application's absolute href. */
  readonly applicationHref: string;
  readonly discovery: CachedDiscovery;
  /** Where the event channel stood: nothing before it is lost, nothing after it replayed twice. */
  readonly cursor: EventCursor;
  /**
   * The access token in use, only in a snapshot taken with `{ secrets: true }` (and only
   * while the session holds one): a resumed session sends it until it expires.
   */
  readonly token?: AccessToken;
}

/** Options of `session.snapshot`. */
export interface SnapshotOptions {
  /** Add the current access token (a secret: keep the snapshot where a password may go). */
  readonly secrets?: boolean;
}
