import { enumerations, type UnknownResource } from '@ucwa/model';
import type { ApplicationHandle } from '../../apps/application.ts';
import { buildResource } from '../../core/resource.ts';
import type { PublishedEvent } from '../../events/publisher.ts';
import { putTokenProperty } from '../conditional-put.ts';
import { DEFAULT_VALUES, type Meeting } from './meetings-state.ts';

// Pure builders for the onlineMeetings family, shaped after the reference's examples
// (onlineMeetings_ref.md, myOnlineMeetings_ref.md, myOnlineMeeting_ref.md, …).

const O = 'onlineMeetings';
export const meetingPath = (meeting: Meeting): string =>
  `${O}/myOnlineMeetings/${meeting.onlineMeetingId}`;

/** onlineMeetings: the hub. */
export function onlineMeetingsResource(app: ApplicationHandle, assigned: Meeting): UnknownResource {
  const o = (path: string): string => app.href(`${O}/${path}`);
  return buildResource({
    rel: 'onlineMeetings',
    href: app.href(O),
    links: {
      myAssignedOnlineMeeting: app.href(meetingPath(assigned)),
      myOnlineMeetings: o('myOnlineMeetings'),
      onlineMeetingDefaultValues: o('onlineMeetingDefaultValues'),
      onlineMeetingEligibleValues: o('onlineMeetingEligibleValues'),
      onlineMeetingInvitationCustomization: o('onlineMeetingInvitationCustomization'),
      onlineMeetingPolicies: o('onlineMeetingPolicies'),
      phoneDialInInformation: o('phoneDialInInformation'),
    },
  });
}

/**
 * myOnlineMeeting or myAssignedOnlineMeeting, with its ETag and the random property a PUT
 * must play back (ScheduleAnOnlineMeeting.md shows both).
 */
export function meetingResource(
  app: ApplicationHandle,
  meeting: Meeting,
  rel: 'myOnlineMeeting' | 'myAssignedOnlineMeeting' = meeting.assigned
    ? 'myAssignedOnlineMeeting'
    : 'myOnlineMeeting',
): UnknownResource {
  const s = meeting.settings;
  const id = meeting.onlineMeetingId;
  const [local, domain = 'contoso.com'] = meeting.organizer.split('@');
  const focus = `sip:${meeting.organizer};gruu;opaque=app:conf:focus:id:${id}`;
  const href = app.href(meetingPath(meeting));
  return buildResource({
    rel,
    href,
    etag: meeting.guard.etag,
    properties: {
      accessLevel: s.accessLevel,
      attendees: [...s.attendees],
      automaticLeaderAssignment: s.automaticLeaderAssignment,
      conferenceId: meeting.conferenceId,
      description: s.description,
      entryExitAnnouncement: s.entryExitAnnouncement,
      expirationTime: new Date(s.expirationTime),
      joinUrl: `https://meet.${domain}/${local}/${id}`,
      leaders: [...s.leaders],
      legacyOnlineMeetingUri: `conf:${focus}?conversation-id=${meeting.conversationId}`,
      lobbyBypassForPhoneUsers: s.lobbyBypassForPhoneUsers,
      onlineMeetingId: id,
      onlineMeetingRel: 'myOnlineMeetings',
      onlineMeetingUri: focus,
      organizerUri: `sip:${meeting.organizer}`,
      phoneUserAdmission: s.phoneUserAdmission,
      subject: s.subject,
      ...putTokenProperty(meeting.guard),
    },
    links: { onlineMeetingExtensions: `${href}/extensions` },
  });
}

/** myOnlineMeetings: the assigned meeting and the scheduled ones, embedded. */
export function myMeetingsResource(
  app: ApplicationHandle,
  assigned: Meeting,
  meetings: readonly Meeting[],
): UnknownResource {
  return buildResource({
    rel: 'myOnlineMeetings',
    href: app.href(`${O}/myOnlineMeetings`),
    embedded: {
      myAssignedOnlineMeeting: [meetingResource(app, assigned)],
      myOnlineMeeting: meetings.map((m) => meetingResource(app, m)),
    },
  });
}

/** onlineMeetingExtensions of a meeting: none are stored. */
export function extensionsResource(app: ApplicationHandle, meeting: Meeting): UnknownResource {
  return buildResource({
    rel: 'onlineMeetingExtensions',
    href: `${app.href(meetingPath(meeting))}/extensions`,
    embedded: { onlineMeetingExtension: [] },
  });
}

export function defaultValuesResource(app: ApplicationHandle): UnknownResource {
  return buildResource({
    rel: 'onlineMeetingDefaultValues',
    href: app.href(`${O}/onlineMeetingDefaultValues`),
    properties: { ...DEFAULT_VALUES },
  });
}

/** Every value the catalog's enumerations allow is eligible. */
export function eligibleValuesResource(app: ApplicationHandle, assigned: Meeting): UnknownResource {
  return buildResource({
    rel: 'onlineMeetingEligibleValues',
    href: app.href(`${O}/onlineMeetingEligibleValues`),
    properties: {
      accessLevels: [...enumerations.AccessLevel],
      automaticLeaderAssignments: [...enumerations.AutomaticLeaderAssignment],
      eligibleOnlineMeetingRels: [...enumerations.OnlineMeetingRel],
      entryExitAnnouncements: enumerations.EntryExitAnnouncement.filter((v) => v !== 'Unsupported'),
      lobbyBypassForPhoneUsersSettings: [...enumerations.LobbyBypassForPhoneUsers],
    },
    links: {
      myAssignedOnlineMeeting: app.href(meetingPath(assigned)),
      myOnlineMeetings: app.href(`${O}/myOnlineMeetings`),
    },
  });
}

export function policiesResource(app: ApplicationHandle): UnknownResource {
  return buildResource({
    rel: 'onlineMeetingPolicies',
    href: app.href(`${O}/onlineMeetingPolicies`),
    properties: {
      entryExitAnnouncement: 'Enabled',
      externalUserMeetingRecording: 'Disabled',
      meetingRecording: 'Enabled',
      meetingSize: 250,
      phoneUserAdmission: 'Enabled',
      voipAudio: 'Enabled',
    },
  });
}

export function invitationCustomizationResource(
  app: ApplicationHandle,
  domain: string,
): UnknownResource {
  return buildResource({
    rel: 'onlineMeetingInvitationCustomization',
    href: app.href(`${O}/onlineMeetingInvitationCustomization`),
    properties: {
      enterpriseHelpUrl: `https://meet.${domain}/help`,
      invitationFooterText: '',
      invitationHelpUrl: `https://meet.${domain}/help`,
      invitationLegalUrl: `https://meet.${domain}/legal`,
      invitationLogoUrl: `https://meet.${domain}/logo.png`,
    },
  });
}

export function dialInRegionResource(app: ApplicationHandle): UnknownResource {
  return buildResource({
    rel: 'dialInRegion',
    href: app.href(`${O}/phoneDialInInformation/1`),
    properties: { languages: ['en-US'], name: 'Redmond', number: 'tel:+14255550001' },
  });
}

/** phoneDialInInformation: the assigned meeting's conference id and one region. */
export function dialInResource(
  app: ApplicationHandle,
  assigned: Meeting,
  domain: string,
): UnknownResource {
  return buildResource({
    rel: 'phoneDialInInformation',
    href: app.href(`${O}/phoneDialInInformation`),
    properties: {
      conferenceId: assigned.conferenceId,
      defaultRegion: 'Redmond',
      externalDirectoryUri: `https://dialin.${domain}`,
      internalDirectoryUri: `https://dialin.${domain}`,
      isAudioConferenceProviderEnabled: false,
      tollFreeNumbers: [],
      tollNumber: 'tel:+14255550001',
    },
    embedded: { dialInRegion: [dialInRegionResource(app)] },
  });
}

/**
 * A meeting event: the reference documents none for myOnlineMeeting, so the emulator
 * follows the people pattern: sender `onlineMeetings`, `in` myOnlineMeetings.
 */
export function meetingEvent(
  app: ApplicationHandle,
  meeting: Meeting,
  type: 'added' | 'updated' | 'deleted',
): PublishedEvent {
  return {
    sender: { rel: O, href: app.href(O) },
    type,
    link: {
      rel: meeting.assigned ? 'myAssignedOnlineMeeting' : 'myOnlineMeeting',
      href: app.href(meetingPath(meeting)),
    },
    in: { rel: 'myOnlineMeetings', href: app.href(`${O}/myOnlineMeetings`) },
  };
}
