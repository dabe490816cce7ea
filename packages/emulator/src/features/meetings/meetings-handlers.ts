import type { UnknownResource } from '@ucwa/model';
import { conferenceUri, parseConferenceUri } from '../../core/conferences.ts';
import type { UserRecord } from '../../core/users.ts';
import type { Reply } from '../../http/types.ts';
import { renewEtag } from '../conditional-put.ts';
import type { FeatureHost, RouteContext } from '../feature.ts';
import { noContent, notFound, ok } from '../replies.ts';
import {
  defaultValuesResource,
  dialInRegionResource,
  dialInResource,
  eligibleValuesResource,
  extensionsResource,
  invitationCustomizationResource,
  meetingEvent,
  meetingResource,
  myMeetingsResource,
  onlineMeetingsResource,
  policiesResource,
} from './meetings-resources.ts';
import { applyInput, defaultSettings, type Meeting, newMeeting } from './meetings-state.ts';

/** A user's meetings: the assigned one and the scheduled ones by onlineMeetingId. */
export interface Organizer {
  readonly assigned: Meeting;
  readonly meetings: Map<string, Meeting>;
}

/** What the meetings handlers share. */
export interface MeetingsState {
  readonly host: FeatureHost;
  readonly of: (user: UserRecord) => Organizer;
}

type Handler = (m: MeetingsState, ctx: RouteContext) => Reply;

const domain = (user: UserRecord): string => user.address.split('@')[1] ?? 'contoso.com';

/** The meeting of `organizer` with this key (any case). */
function meetingOf(organizer: Organizer, key: string): Meeting | undefined {
  const id = key.toUpperCase();
  return organizer.assigned.onlineMeetingId === id
    ? organizer.assigned
    : organizer.meetings.get(id);
}

const find = (m: MeetingsState, ctx: RouteContext) =>
  meetingOf(m.of(ctx.user), ctx.params.id ?? '');

const announce = (
  m: MeetingsState,
  user: UserRecord,
  meeting: Meeting,
  type: 'added' | 'updated' | 'deleted',
) => m.host.events.toUser(user.address, (app) => meetingEvent(app, meeting, type));

/** The meeting a focus URI names, for the anonmeeting grant. */
export function conferenceOf(m: MeetingsState, uri: string) {
  const parsed = parseConferenceUri(uri);
  const user = parsed === undefined ? undefined : m.host.users.find(parsed.organizer);
  const meeting =
    parsed === undefined || user === undefined ? undefined : meetingOf(m.of(user), parsed.key);
  if (user === undefined || meeting === undefined) return undefined;
  const address = user.address.toLowerCase();
  const key = meeting.onlineMeetingId;
  const { accessLevel, attendees, leaders } = meeting.settings;
  const access = { accessLevel, attendees: [...attendees], leaders: [...leaders] };
  return { uri: conferenceUri(address, key), key, organizer: address, access };
}

export const hub = (m: MeetingsState, app: RouteContext['app']): UnknownResource =>
  onlineMeetingsResource(app, m.of(app.user).assigned);

export const getHub: Handler = (m, ctx) => ok(hub(m, ctx.app));

export const listMeetings: Handler = (m, ctx) => {
  const organizer = m.of(ctx.user);
  return ok(myMeetingsResource(ctx.app, organizer.assigned, [...organizer.meetings.values()]));
};

export const createMeeting: Handler = (m, ctx) => {
  const settings = applyInput(defaultSettings(m.host.clock.now()), ctx.input);
  const meeting = newMeeting(m.host.ids, ctx.user, settings);
  m.of(ctx.user).meetings.set(meeting.onlineMeetingId, meeting);
  announce(m, ctx.user, meeting, 'added');
  return ok(meetingResource(ctx.app, meeting), 201);
};

/** The PUT guard of the meeting a route names. */
export const guardOf = (m: MeetingsState, ctx: RouteContext) => find(m, ctx)?.guard;

export const getMeeting: Handler = (m, ctx) => {
  const meeting = find(m, ctx);
  return meeting === undefined ? notFound() : ok(meetingResource(ctx.app, meeting));
};

export const updateMeeting: Handler = (m, ctx) => {
  const meeting = find(m, ctx);
  if (meeting === undefined) return notFound();
  meeting.settings = applyInput(meeting.settings, ctx.input);
  renewEtag(meeting.guard, m.host.ids);
  announce(m, ctx.user, meeting, 'updated');
  return ok(meetingResource(ctx.app, meeting, 'myOnlineMeeting'));
};

/** DELETE: a scheduled meeting goes; the assigned one (fixed coordinates) is reset. */
export const deleteMeeting: Handler = (m, ctx) => {
  const meeting = find(m, ctx);
  if (meeting === undefined) return notFound();
  if (meeting.assigned) {
    meeting.settings = defaultSettings(m.host.clock.now());
    renewEtag(meeting.guard, m.host.ids);
    announce(m, ctx.user, meeting, 'updated');
  } else {
    m.of(ctx.user).meetings.delete(meeting.onlineMeetingId);
    announce(m, ctx.user, meeting, 'deleted');
  }
  return noContent();
};

export const getExtensions: Handler = (m, ctx) => {
  const meeting = find(m, ctx);
  return meeting === undefined ? notFound() : ok(extensionsResource(ctx.app, meeting));
};

export const getDefaultValues: Handler = (_, ctx) => ok(defaultValuesResource(ctx.app));
export const getEligibleValues: Handler = (m, ctx) =>
  ok(eligibleValuesResource(ctx.app, m.of(ctx.user).assigned));
export const getPolicies: Handler = (_, ctx) => ok(policiesResource(ctx.app));
export const getCustomization: Handler = (_, ctx) =>
  ok(invitationCustomizationResource(ctx.app, domain(ctx.user)));
export const getDialIn: Handler = (m, ctx) =>
  ok(dialInResource(ctx.app, m.of(ctx.user).assigned, domain(ctx.user)));
export const getDialInRegion: Handler = (_, ctx) =>
  ctx.params.id === '1' ? ok(dialInRegionResource(ctx.app)) : notFound();
