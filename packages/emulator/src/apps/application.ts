import type { UserRecord } from '../core/users.ts';
import type { EventChannel } from '../events/channel.ts';

/** Where every application lives (CreateAnApplication.md). */
export const APPLICATIONS_PATH = '/ucwa/oauth/v1/applications';

/** What features see of an application. */
export interface ApplicationHandle {
  readonly id: string;
  readonly user: UserRecord;
  readonly culture: string;
  readonly userAgent: string;
  readonly endpointId: string;
  readonly type: string;
  /** Joined an online meeting anonymously (anonmeeting grant). */
  readonly anonymous: boolean;
  /** The focus URI of that meeting, for an anonymous application. */
  readonly conferenceUri?: string | undefined;
  /** The path of the application, or of `path` under it: `href('me')` → `/ucwa/oauth/v1/applications/42/me`. */
  href(path?: string): string;
}

/** An application with its event channels, one per instance (MultiTabSupport.md). */
export interface Application extends ApplicationHandle {
  readonly channels: Map<string, EventChannel>;
  lastActivity: number;
}

/** The identity that makes two POSTs the same application (MultiTabSupport.md). */
export function identityKey(
  app: Pick<Application, 'user' | 'culture' | 'userAgent' | 'endpointId' | 'type'>,
): string {
  return JSON.stringify([
    app.user.address.toLowerCase(),
    app.culture.toLowerCase(),
    app.endpointId,
    app.type,
    app.userAgent,
  ]);
}

/** The event channel href of one instance: `events?ack=N&instanceId=I`. */
export function eventsHref(app: ApplicationHandle, instanceId: string, ack: number): string {
  return `${app.href('events')}?ack=${ack}&instanceId=${encodeURIComponent(instanceId)}`;
}
