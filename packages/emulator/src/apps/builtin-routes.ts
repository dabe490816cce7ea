import type { CoreParts } from '../core/core.ts';
import { buildResource } from '../core/resource.ts';
import type { RouteContext } from '../features/feature.ts';
import { noContent, ok } from '../features/replies.ts';
import type { RouteSpec } from '../features/route-table.ts';
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
  return ok(resource);
}

type Handler = (core: CoreParts, app: Application, ctx: RouteContext) => Reply | Promise<Reply>;

const getApplication: Handler = (core, app, { query }) => {
  const instanceId = instanceOf(app, query) ?? app.channels.keys().next().value ?? '';
  return ok(applicationResource(core, app, instanceId));
};

const deleteApplication: Handler = (core, app, { query }) => {
  core.registry.remove(app, query.get('instanceId') ?? undefined);
  return noContent();
};

const getEvents: Handler = (core, app, ctx) =>
  events(core, app, ctx.query, ctx.request.signal, core.pgetFlags.get(ctx.request) ?? {});

/** A handler for the registry's own view of the application (404 once it is gone). */
const live =
  (handle: Handler) =>
  (core: CoreParts, ctx: RouteContext): Reply | Promise<Reply> => {
    const app = core.registry.get(ctx.app.id);
    return app === undefined ? applicationNotFound() : handle(core, app, ctx);
  };

/**
 * The application's own routes: GET and DELETE the application, the event channel, the
 * policies. The batch route is added by the core, since it re-enters the pipeline.
 */
export const BUILTIN_ROUTES: readonly RouteSpec<CoreParts>[] = [
  { method: 'GET', path: '', rel: 'application', handle: live(getApplication) },
  { method: 'DELETE', path: '', handle: live(deleteApplication) },
  { method: 'GET', path: 'events', handle: live(getEvents) },
  { method: 'GET', path: 'policies', rel: 'policies', handle: live((_, app) => policies(app)) },
];
