import type { EventCursor } from '@ucwa/events';
import type { CachedDiscovery } from '../sign-in/discovery-cache.ts';

/**
 * What `resumeSession` needs to continue a session; JSON-serializable and free of
 * secrets (the resumed session signs in again with its own credentials).
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
}
