import type { UnknownResource } from '@ucwa/model';
import { HIDDEN_FROM_ANONYMOUS } from '../auth/anonymous-scope.ts';
import type { CoreParts } from '../core/core.ts';
import { buildResource } from '../core/resource.ts';
import type { Application } from './application.ts';

/**
 * The application resource as one instance sees it (CreateAnApplication.md step 10,
 * MultiTabSupport.md): its properties, the `policies`, `batch` and `events` links (events
 * for this instance's channel), and the resources features embed (me, people,
 * communication, onlineMeetings).
 */
export function applicationResource(
  core: CoreParts,
  app: Application,
  instanceId: string,
): UnknownResource {
  const embedded: Record<string, UnknownResource> = {};
  for (const feature of core.features) {
    for (const [rel, build] of Object.entries(feature.embeds ?? {})) {
      if (!(app.anonymous && HIDDEN_FROM_ANONYMOUS.has(rel))) embedded[rel] = build(app);
    }
  }
  const channel = app.channels.get(instanceId) ?? app.channels.values().next().value;
  return buildResource({
    rel: 'application',
    href: app.href(),
    properties: {
      culture: app.culture,
      userAgent: app.userAgent,
      type: app.type,
      endpointId: app.endpointId,
      id: app.id,
      instanceId,
    },
    links: {
      policies: app.href('policies'),
      batch: app.href('batch'),
      events: channel?.nextHref,
    },
    embedded,
  });
}

/** The applications collection of a user (applications_ref.md). */
export function applicationsResource(
  core: CoreParts,
  address: string,
  href: string,
): UnknownResource {
  const apps = core.registry.ofUser(address);
  return buildResource({
    rel: 'applications',
    href,
    embedded: {
      application: apps.map((app) => {
        const first = app.channels.keys().next().value ?? '';
        return applicationResource(core, app, first);
      }),
    },
  });
}
