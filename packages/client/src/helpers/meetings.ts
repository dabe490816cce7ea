import {
  isResource,
  listEmbedded,
  type PropertyBag,
  type Resource,
  type UnknownResource,
} from '@ucwa/model';
import type { InputOf } from '../navigation/types.ts';
import { communicationHub, meetingsHub } from '../session/hub.ts';
import { invokeLink, type TrackedOperation } from '../session/invoke.ts';
import { followLink, updateResource } from '../session/navigation.ts';
import type { SessionCore } from '../session/session-core.ts';

/** What a new meeting is created with, typed from the catalog (myOnlineMeetings POST). */
export type MeetingInput = InputOf<'myOnlineMeetings'>;

/** Online meetings the user organizes (OnlineMeetingsDashboard.md). */
export interface Meetings {
  /** My scheduled meetings. */
  list(): Promise<Resource<'myOnlineMeeting'>[]>;
  /** Schedules a meeting. */
  create(input: MeetingInput): Promise<Resource<'myOnlineMeeting'>>;
  /** Changes a meeting with a conditional PUT (its ETag in `If-Match`). */
  update(
    meeting: Resource<'myOnlineMeeting'>,
    changes: Partial<Resource<'myOnlineMeeting'>['properties']>,
  ): Promise<Resource<'myOnlineMeeting'>>;
  /** Deletes a meeting. */
  remove(meeting: Resource<'myOnlineMeeting'>): Promise<void>;
  /** Joins a meeting by its URI; the operation is tracked on the event channel. */
  join(onlineMeetingUri: string): Promise<TrackedOperation>;
}

function hub(core: SessionCore): Resource<'onlineMeetings'> {
  return meetingsHub(core);
}

function asMeeting(resource: UnknownResource | undefined): Resource<'myOnlineMeeting'> {
  if (resource === undefined || !isResource(resource, 'myOnlineMeeting')) {
    throw new TypeError(`expected a myOnlineMeeting, got ${resource?.rel ?? 'nothing'}`);
  }
  return resource;
}

/** The meetings helper of a session. */
export function createMeetings(core: SessionCore): Meetings {
  return {
    list: async () => {
      const mine = await core.store.read(
        (await followLink(core, hub(core), 'myOnlineMeetings')).href,
        { fresh: true },
      );
      return listEmbedded(mine, 'myOnlineMeeting').map(asMeeting);
    },
    create: async (input) => {
      const created = await invokeLink(core, hub(core), 'myOnlineMeetings', input);
      const resource =
        created.location === undefined
          ? created.resource
          : await core.store.read(created.location, { fresh: true });
      return asMeeting(resource ?? created.resource);
    },
    update: async (meeting, changes) =>
      asMeeting(await updateResource(core, meeting, changes as PropertyBag)),
    remove: async (meeting) => {
      await core.transport.delete(core.key(meeting.href));
    },
    join: async (onlineMeetingUri) => {
      const communication = communicationHub(core);
      const started = await invokeLink(core, communication, 'joinOnlineMeeting', {
        onlineMeetingUri,
      });
      if (started.operation === undefined) throw new TypeError('joinOnlineMeeting was not tracked');
      return started.operation;
    },
  };
}
