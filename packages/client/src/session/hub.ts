import { isResource, type Resource, type UnknownResource } from '@ucwa/model';
import type { SessionCore } from './session-core.ts';

/**
 * The store's copy of a resource the application embeds, kept current by events
 * (makeMeAvailable, for one, changes the links of communication), else the embedded one.
 */
function current(
  core: SessionCore,
  embedded: UnknownResource | undefined,
  rel: string,
): UnknownResource {
  if (embedded === undefined) throw new TypeError(`the application embeds no ${rel}`);
  return core.store.peek(embedded.href) ?? embedded;
}

function checked<R extends 'communication' | 'people' | 'onlineMeetings'>(
  resource: UnknownResource,
  rel: R,
): Resource<R> {
  if (!isResource(resource, rel))
    throw new TypeError(`${resource.href} is a ${resource.rel}, not ${rel}`);
  return resource;
}

/** The application's `communication` as it is now. */
export function communicationHub(core: SessionCore): Resource<'communication'> {
  return checked(
    current(core, core.application.embedded.communication, 'communication'),
    'communication',
  );
}

/** The application's `people` as it is now. */
export function peopleHub(core: SessionCore): Resource<'people'> {
  return checked(current(core, core.application.embedded.people, 'people'), 'people');
}

/** The application's `onlineMeetings` as it is now. */
export function meetingsHub(core: SessionCore): Resource<'onlineMeetings'> {
  return checked(
    current(core, core.application.embedded.onlineMeetings, 'onlineMeetings'),
    'onlineMeetings',
  );
}

/**
 * The application with the resources it embeds as they are now (the store's copies), so
 * `application.embedded.me.links` shows what makeMeAvailable added without a re-read.
 */
export function liveApplication(core: SessionCore): Resource<'application'> {
  const app = core.application;
  const { me, communication, people, onlineMeetings } = app.embedded;
  const storedMe = me === undefined ? undefined : core.store.peek(me.href);
  return {
    ...app,
    embedded: {
      ...app.embedded,
      ...(storedMe !== undefined && isResource(storedMe, 'me') ? { me: storedMe } : {}),
      ...(communication === undefined ? {} : { communication: communicationHub(core) }),
      ...(people === undefined ? {} : { people: peopleHub(core) }),
      ...(onlineMeetings === undefined ? {} : { onlineMeetings: meetingsHub(core) }),
    },
  };
}
