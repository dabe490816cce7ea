import type { OperationProgress, OperationResult } from '@ucwa/events';
import {
  findLinks,
  isResource,
  listEmbedded,
  type PropertyBag,
  type Resource,
  type UnknownResource,
} from '@ucwa/model';
import type { InputOf } from '../navigation/types.ts';
import { communicationHub, meetingsHub } from '../session/hub.ts';
import { type InvokeResult, invokeLink, type TrackedOperation } from '../session/invoke.ts';
import { followLink, updateResource } from '../session/navigation.ts';
import type { SessionCore } from '../session/session-core.ts';
import type { Conversation } from './conversation.ts';
import { newTarget } from './conversation-routes.ts';
import { keptConversation } from './messaging.ts';

/** What a new meeting is created with, typed from the catalog (myOnlineMeetings POST). */
export type MeetingInput = InputOf<'myOnlineMeetings'>;

/** What `meetings.join` takes besides the meeting's URI. */
export interface JoinMeetingOptions {
  /** `started`/`updated` events of the onlineMeetingInvitation. */
  readonly onProgress?: (progress: OperationProgress) => void;
  /**
   * Aborts the join: the request, or the wait in the meeting's lobby (the conversation is
   * left, so the leaders see the user go); `join` then rejects with the signal's reason.
   */
  readonly signal?: AbortSignal;
}

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
  /**
   * Joins a meeting by its URI (joinOnlineMeeting_ref.md). Resolves with the meeting's
   * conversation once the user is in its roster; rejects with `UcwaOperationError` when the
   * join fails on the event channel (with `UcwaDocumentedError` when the server refuses it
   * at once, as for a meeting that does not exist). A meeting whose access level keeps the
   * user out waits for a leader (lobby_ref.md): `join` stays pending until admitted, and
   * rejects with `UcwaOperationError` (reason `Forbidden` / `Denied`) when rejected. The
   * session keeps the conversation: after the application is lost, it joins the same meeting
   * again under the same object.
   */
  join(onlineMeetingUri: string, options?: JoinMeetingOptions): Promise<Conversation>;
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

/**
 * The join's outcome; an abort while it waits (in the lobby, say) leaves the conversation,
 * which ends the join on the server, and rejects with the signal's reason.
 */
async function untilJoined(
  core: SessionCore,
  started: InvokeResult,
  operation: TrackedOperation,
  signal: AbortSignal | undefined,
): Promise<OperationResult> {
  if (signal === undefined) return operation.result;
  const onAbort = (): void => {
    operation.cancel(signal.reason);
    void leaveJoin(core, started).catch(() => {});
  };
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await operation.result;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** Leaves the conversation a join opened (DELETE of the invitation's `conversation`). */
async function leaveJoin(core: SessionCore, started: InvokeResult): Promise<void> {
  if (started.location === undefined) return;
  const invitation = await core.store.read(started.location, { fresh: true });
  const conversation = findLinks(invitation, 'conversation')[0];
  if (conversation !== undefined) await core.transport.delete(core.key(conversation.href));
}

async function join(
  core: SessionCore,
  onlineMeetingUri: string,
  o: JoinMeetingOptions = {},
): Promise<Conversation> {
  const started = await invokeLink(
    core,
    communicationHub(core),
    'joinOnlineMeeting',
    { onlineMeetingUri },
    o.signal,
    o.onProgress,
  );
  if (started.operation === undefined) throw new TypeError('joinOnlineMeeting was not tracked');
  const result = await untilJoined(core, started, started.operation, o.signal);
  const invitation =
    result.resource ?? (await core.store.read(result.event.link.href, { fresh: true }));
  const subject = invitation.properties.subject;
  const target = newTarget({
    remotes: [],
    subject: typeof subject === 'string' ? subject : undefined,
    onlineMeetingUri,
    messaging: false,
    joined: true,
  });
  return keptConversation(core, invitation, target);
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
    join: (onlineMeetingUri, options) => join(core, onlineMeetingUri, options),
  };
}
