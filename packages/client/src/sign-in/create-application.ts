import { isResource, type Resource } from '@ucwa/model';
import type { Transport } from '@ucwa/transport';

/** What the application is created with (CreateAnApplication.md, MultiTabSupport.md). */
export interface ApplicationIdentity {
  readonly userAgent: string;
  /** Stable per device: the server gives the same endpoint back its application. */
  readonly endpointId: string;
  readonly culture: string;
  /** One per browser tab sharing the application. */
  readonly instanceId: string;
}

/** POSTs to `applications` and returns the application resource. */
export async function createApplication(
  transport: Transport,
  applicationsUrl: string,
  identity: ApplicationIdentity,
  signal: AbortSignal | undefined,
): Promise<Resource<'application'>> {
  const properties = {
    userAgent: identity.userAgent,
    endpointId: identity.endpointId,
    culture: identity.culture,
    instanceId: identity.instanceId,
  };
  const o = signal === undefined ? {} : { signal };
  const created = await transport.post(applicationsUrl, { properties }, o);
  const application =
    created.resource ??
    (created.location === undefined ? undefined : await transport.get(created.location, o));
  if (application === undefined || !isResource(application, 'application')) {
    throw new TypeError(
      `POST ${applicationsUrl} answered ${created.status} without an application resource`,
    );
  }
  return application;
}
