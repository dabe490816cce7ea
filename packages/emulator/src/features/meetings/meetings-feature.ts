import type { UnknownResource } from '@ucwa/model';
import type { ApplicationHandle } from '../../apps/application.ts';
import { conferenceUri, parseConferenceUri } from '../../core/conferences.ts';
import type { UserRecord } from '../../core/users.ts';
import { ucwaError } from '../../http/errors.ts';
import type { Reply } from '../../http/types.ts';
import { renewEtag } from '../conditional-put.ts';
import type { AppRoute, Feature, FeatureFactory, FeatureHost, RouteContext } from '../feature.ts';
import { perUser } from '../state.ts';
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

const reply = (resource: UnknownResource, status = 200): Reply => ({
  kind: 'resource',
  status,
  resource,
});
const notFound = (): Reply => ucwaError(404, 'ResourceNotFound');

interface Organizer {
  readonly assigned: Meeting;
  /** Scheduled meetings by onlineMeetingId, in creation order. */
  readonly meetings: Map<string, Meeting>;
}

/**
 * The online meetings family (OnlineMeetingsDashboard.md, ScheduleAnOnlineMeeting.md,
 * UpdateAnOnlineMeeting.md): the hub, myOnlineMeetings (list, create), myOnlineMeeting
 * (GET, conditional PUT, DELETE), the assigned meeting, default and eligible values,
 * policies, invitation customization and dial-in information. Meetings belong to the
 * organizer, so every application of that user sees them and hears of changes.
 */
export const meetingsFeature: FeatureFactory = (host: FeatureHost): Feature => {
  const organizers = perUser((address): Organizer => {
    const user = host.users.find(address) ?? { address, password: '', name: address, contacts: [] };
    return {
      assigned: newMeeting(host.ids, user, defaultSettings(host.clock.now()), true),
      meetings: new Map(),
    };
  });
  const of = (user: UserRecord): Organizer => organizers(user.address);
  for (const preset of host.presetMeetings) {
    const organizer = host.users.find(preset.organizer);
    if (organizer === undefined) throw new TypeError(`meetings: no user ${preset.organizer}`);
    const settings = { ...defaultSettings(host.clock.now()), subject: preset.subject ?? '' };
    const meeting = newMeeting(host.ids, organizer, settings, false, preset.onlineMeetingId);
    of(organizer).meetings.set(meeting.onlineMeetingId, meeting);
  }
  host.conferences.register((uri) => {
    const parsed = parseConferenceUri(uri);
    const user = parsed === undefined ? undefined : host.users.find(parsed.organizer);
    if (parsed === undefined || user === undefined) return undefined;
    const organizer = of(user);
    const key = parsed.key.toUpperCase();
    const meeting =
      organizer.assigned.onlineMeetingId === key ? organizer.assigned : organizer.meetings.get(key);
    if (meeting === undefined) return undefined;
    const address = user.address.toLowerCase();
    return { uri: conferenceUri(address, key), key, organizer: address };
  });
  const domain = (user: UserRecord): string => user.address.split('@')[1] ?? 'contoso.com';
  const find = (ctx: RouteContext): Meeting | undefined => {
    const organizer = of(ctx.user);
    const id = (ctx.params.id ?? '').toUpperCase();
    return organizer.assigned.onlineMeetingId === id
      ? organizer.assigned
      : organizer.meetings.get(id);
  };
  const announce = (user: UserRecord, meeting: Meeting, type: 'added' | 'updated' | 'deleted') =>
    host.events.toUser(user.address, (app) => meetingEvent(app, meeting, type));
  const fixed = (path: string, rel: string, build: (ctx: RouteContext) => UnknownResource) =>
    ({
      method: 'GET',
      path: `onlineMeetings/${path}`,
      rel,
      handle: (ctx) => reply(build(ctx)),
    }) satisfies AppRoute;

  const create = (ctx: RouteContext): Reply => {
    const settings = applyInput(defaultSettings(host.clock.now()), ctx.input);
    const meeting = newMeeting(host.ids, ctx.user, settings);
    of(ctx.user).meetings.set(meeting.onlineMeetingId, meeting);
    announce(ctx.user, meeting, 'added');
    return reply(meetingResource(ctx.app, meeting), 201);
  };

  const update = (ctx: RouteContext): Reply => {
    const meeting = find(ctx);
    if (meeting === undefined) return notFound();
    meeting.settings = applyInput(meeting.settings, ctx.input);
    renewEtag(meeting.guard, host.ids);
    announce(ctx.user, meeting, 'updated');
    return reply(meetingResource(ctx.app, meeting, 'myOnlineMeeting'));
  };

  const remove = (ctx: RouteContext): Reply => {
    const meeting = find(ctx);
    if (meeting === undefined) return notFound();
    if (meeting.assigned) {
      // The assigned meeting's coordinates never change: deleting it resets its settings.
      meeting.settings = defaultSettings(host.clock.now());
      renewEtag(meeting.guard, host.ids);
      announce(ctx.user, meeting, 'updated');
    } else {
      of(ctx.user).meetings.delete(meeting.onlineMeetingId);
      announce(ctx.user, meeting, 'deleted');
    }
    return { kind: 'raw', status: 204 };
  };

  const hub = (app: ApplicationHandle) => onlineMeetingsResource(app, of(app.user).assigned);

  const routes: AppRoute[] = [
    {
      method: 'GET',
      path: 'onlineMeetings',
      rel: 'onlineMeetings',
      handle: (ctx) => reply(hub(ctx.app)),
    },
    fixed('myOnlineMeetings', 'myOnlineMeetings', (ctx) => {
      const organizer = of(ctx.user);
      return myMeetingsResource(ctx.app, organizer.assigned, [...organizer.meetings.values()]);
    }),
    {
      method: 'POST',
      path: 'onlineMeetings/myOnlineMeetings',
      rel: 'myOnlineMeetings',
      handle: create,
    },
    {
      method: 'GET',
      path: 'onlineMeetings/myOnlineMeetings/:id',
      handle: (ctx) => {
        const meeting = find(ctx);
        return meeting === undefined ? notFound() : reply(meetingResource(ctx.app, meeting));
      },
    },
    {
      method: 'PUT',
      path: 'onlineMeetings/myOnlineMeetings/:id',
      rel: 'myOnlineMeeting',
      guard: (ctx) => find(ctx)?.guard,
      handle: update,
    },
    { method: 'DELETE', path: 'onlineMeetings/myOnlineMeetings/:id', handle: remove },
    {
      method: 'GET',
      path: 'onlineMeetings/myOnlineMeetings/:id/extensions',
      rel: 'onlineMeetingExtensions',
      handle: (ctx) => {
        const meeting = find(ctx);
        return meeting === undefined ? notFound() : reply(extensionsResource(ctx.app, meeting));
      },
    },
    fixed('onlineMeetingDefaultValues', 'onlineMeetingDefaultValues', (ctx) =>
      defaultValuesResource(ctx.app),
    ),
    fixed('onlineMeetingEligibleValues', 'onlineMeetingEligibleValues', (ctx) =>
      eligibleValuesResource(ctx.app, of(ctx.user).assigned),
    ),
    fixed('onlineMeetingPolicies', 'onlineMeetingPolicies', (ctx) => policiesResource(ctx.app)),
    fixed('onlineMeetingInvitationCustomization', 'onlineMeetingInvitationCustomization', (ctx) =>
      invitationCustomizationResource(ctx.app, domain(ctx.user)),
    ),
    fixed('phoneDialInInformation', 'phoneDialInInformation', (ctx) =>
      dialInResource(ctx.app, of(ctx.user).assigned, domain(ctx.user)),
    ),
    {
      method: 'GET',
      path: 'onlineMeetings/phoneDialInInformation/:id',
      rel: 'dialInRegion',
      handle: (ctx) => (ctx.params.id === '1' ? reply(dialInRegionResource(ctx.app)) : notFound()),
    },
  ];

  return { name: 'onlineMeetings', routes, embeds: { onlineMeetings: hub } };
};
