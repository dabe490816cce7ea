import type { CoreParts } from '../core/core.ts';
import { buildResource } from '../core/resource.ts';
import type { AppRoute } from '../features/feature.ts';
import { applicationNotFound, ucwaError } from '../http/errors.ts';
import type { Reply } from '../http/types.ts';
import type { Application } from './application.ts';
import { applicationResource } from './application-resource.ts';

/** The instance a request names (`?instanceId=`), else the application's only one. */
function instanceOf(app: Application, query: URLSearchParams): string | undefined {
  const named = query.get('instanceId');
  if (named !== null) return app.channels.has(named) ? named : undefined;
  return app.channels.size === 1 ? app.channels.keys().next().value : undefined;
}

async function events(
  core: CoreParts,
  app: Application,
  query: URLSearchParams,
  signal: AbortSignal,
  flags: { readonly resync?: boolean; readonly resume?: boolean },
): Promise<Reply> {
  const instanceId = instanceOf(app, query);
  const channel = instanceId === undefined ? undefined : app.channels.get(instanceId);
  if (channel === undefined) return applicationNotFound();
  const answer = await channel.get(query, signal, flags);
  core.registry.touch(app);
  if (answer.kind === 'replaced') {
    return ucwaError(409, 'PGetReplaced', { message: 'Another P-GET replaced this one.' });
  }
  if (answer.kind === 'gone') return applicationNotFound();
  return { kind: 'events', status: 200, batch: answer.batch };
}

function policies(app: Application): Reply {
  const resource = buildResource({
    rel: 'policies',
    href: app.href('policies'),
    properties: {
      emoticons: 'Enabled',
      htmlMessaging: 'Enabled',
      logging: 'Disabled',
      messageArchiving: 'Disabled',
      photos: 'Enabled',
      telephonyMode: 'AudioVideo',
      saveMessagingHistory: 'Disabled',
    },
  });
  return { kind: 'resource', status: 200, resource };
}

/**
 * The application's own routes: GET and DELETE the application, the event channel, the
 * policies. The batch route is added by the core, since it re-enters the pipeline.
 */
export function builtinRoutes(core: CoreParts): AppRoute[] {
  const appOf = (id: string): Application | undefined => core.registry.get(id);
  return [
    {
      method: 'GET',
      path: '',
      rel: 'application',
      handle: ({ app, query }) => {
        const full = appOf(app.id);
        const instanceId = full === undefined ? undefined : instanceOf(full, query);
        if (full === undefined) return applicationNotFound();
        return {
          kind: 'resource',
          status: 200,
          resource: applicationResource(
            core,
            full,
            instanceId ?? full.channels.keys().next().value ?? '',
          ),
        };
      },
    },
    {
      method: 'DELETE',
      path: '',
      handle: ({ app, query }) => {
        const full = appOf(app.id);
        if (full === undefined) return applicationNotFound();
        core.registry.remove(full, query.get('instanceId') ?? undefined);
        return { kind: 'raw', status: 204 };
      },
    },
    {
      method: 'GET',
      path: 'events',
      handle: (ctx) => {
        const full = appOf(ctx.app.id);
        if (full === undefined) return applicationNotFound();
        return events(
          core,
          full,
          ctx.query,
          ctx.request.signal,
          core.pgetFlags.get(ctx.request) ?? {},
        );
      },
    },
    {
      method: 'GET',
      path: 'policies',
      rel: 'policies',
      handle: ({ app }) => policies(app as Application),
    },
  ];
}
