import type { Feature, FeatureFactory, FeatureHost } from '../feature.ts';
import { bindRoutes, type RouteSpec } from '../route-table.ts';
import { perUser } from '../state.ts';
import * as h from './meetings-handlers.ts';
import { defaultSettings, newMeeting } from './meetings-state.ts';

const MINE = 'onlineMeetings/myOnlineMeetings';

const ROUTES: readonly RouteSpec<h.MeetingsState>[] = [
  { method: 'GET', path: 'onlineMeetings', rel: 'onlineMeetings', handle: h.getHub },
  { method: 'GET', path: MINE, rel: 'myOnlineMeetings', handle: h.listMeetings },
  { method: 'POST', path: MINE, rel: 'myOnlineMeetings', handle: h.createMeeting },
  { method: 'GET', path: `${MINE}/:id`, handle: h.getMeeting },
  {
    method: 'PUT',
    path: `${MINE}/:id`,
    rel: 'myOnlineMeeting',
    guard: h.guardOf,
    handle: h.updateMeeting,
  },
  { method: 'DELETE', path: `${MINE}/:id`, handle: h.deleteMeeting },
  {
    method: 'GET',
    path: `${MINE}/:id/extensions`,
    rel: 'onlineMeetingExtensions',
    handle: h.getExtensions,
  },
  {
    method: 'GET',
    path: 'onlineMeetings/onlineMeetingDefaultValues',
    rel: 'onlineMeetingDefaultValues',
    handle: h.getDefaultValues,
  },
  {
    method: 'GET',
    path: 'onlineMeetings/onlineMeetingEligibleValues',
    rel: 'onlineMeetingEligibleValues',
    handle: h.getEligibleValues,
  },
  {
    method: 'GET',
    path: 'onlineMeetings/onlineMeetingPolicies',
    rel: 'onlineMeetingPolicies',
    handle: h.getPolicies,
  },
  {
    method: 'GET',
    path: 'onlineMeetings/onlineMeetingInvitationCustomization',
    rel: 'onlineMeetingInvitationCustomization',
    handle: h.getCustomization,
  },
  {
    method: 'GET',
    path: 'onlineMeetings/phoneDialInInformation',
    rel: 'phoneDialInInformation',
    handle: h.getDialIn,
  },
  {
    method: 'GET',
    path: 'onlineMeetings/phoneDialInInformation/:id',
    rel: 'dialInRegion',
    handle: h.getDialInRegion,
  },
];

/**
 * The online meetings family (OnlineMeetingsDashboard.md, ScheduleAnOnlineMeeting.md,
 * UpdateAnOnlineMeeting.md): the hub, myOnlineMeetings (list, create), myOnlineMeeting
 * (GET, conditional PUT, DELETE), the assigned meeting, default and eligible values,
 * policies, invitation customization and dial-in information. Meetings belong to the
 * organizer, so every application of that user sees them and hears of changes; they are
 * also the meetings an anonymous user may join (`host.conferences`).
 */
export const meetingsFeature: FeatureFactory = (host: FeatureHost): Feature => {
  const organizers = perUser((address): h.Organizer => {
    const user = host.users.find(address) ?? { address, password: '', name: address, contacts: [] };
    const assigned = newMeeting(host.ids, user, defaultSettings(host.clock.now()), true);
    return { assigned, meetings: new Map() };
  });
  const m: h.MeetingsState = { host, of: (user) => organizers(user.address) };
  for (const preset of host.presetMeetings) {
    const organizer = host.users.find(preset.organizer);
    if (organizer === undefined) throw new TypeError(`meetings: no user ${preset.organizer}`);
    const settings = { ...defaultSettings(host.clock.now()), subject: preset.subject ?? '' };
    const meeting = newMeeting(host.ids, organizer, settings, false, preset.onlineMeetingId);
    m.of(organizer).meetings.set(meeting.onlineMeetingId, meeting);
  }
  host.conferences.register((uri) => h.conferenceOf(m, uri));
  return {
    name: 'onlineMeetings',
    routes: bindRoutes(m, ROUTES),
    embeds: { onlineMeetings: (app) => h.hub(m, app) },
  };
};
