import type { UnknownResource } from '@ucwa/model';
import type { ApplicationHandle } from '../../apps/application.ts';
import { buildResource } from '../../core/resource.ts';
import type { UserState } from '../../core/user-state.ts';
import type { UserRecord } from '../../core/users.ts';
import { putTokenProperty } from '../conditional-put.ts';
import type { EndpointState, ForwardingState } from './me-state.ts';

/**
 * me (me_ref.md): before makeMeAvailable it links makeMeAvailable, callForwardingSettings,
 * phones and photo (CreateAnApplication.md); afterwards presence, note, location and
 * reportMyActivity take makeMeAvailable's place (BatchingRequests.md's example).
 */
export function meResource(
  app: ApplicationHandle,
  user: UserRecord,
  endpoint: EndpointState,
): UnknownResource {
  const available = endpoint.available;
  return buildResource({
    rel: 'me',
    href: app.href('me'),
    properties: {
      name: user.name,
      uri: `sip:${user.address}`,
      emailAddresses: [user.address],
      title: user.title,
      department: user.department,
      company: user.company,
      officeLocation: user.officeLocation,
      workPhoneNumber: user.workPhoneNumber,
      mobilePhoneNumber: user.mobilePhoneNumber,
      endpointUri: `sip:${user.address};opaque=user:epid:${app.endpointId};gruu`,
    },
    links: {
      makeMeAvailable: available ? undefined : app.href('me/makeMeAvailable'),
      callForwardingSettings: app.href('me/callForwardingSettings'),
      phones: app.href('me/phones'),
      // An anonymous identity has no photo (and may not reach photos/).
      photo: app.anonymous ? undefined : app.href(`photos/${user.address}`),
      presence: available ? app.href('me/presence') : undefined,
      note: available ? app.href('me/note') : undefined,
      location: available ? app.href('me/location') : undefined,
      // Under the application, as the reference's examples show (me/reportMyActivity works too).
      reportMyActivity: available ? app.href('reportMyActivity') : undefined,
    },
  });
}

const ACTIVITY: Readonly<Record<string, string>> = {
  Online: 'Available',
  Busy: 'Busy',
  DoNotDisturb: 'Presenting',
  BeRightBack: 'Away',
  Away: 'Away',
  Offwork: 'Off Work',
  Offline: 'Offline',
};

export const activityFor = (availability: string): string => ACTIVITY[availability] ?? availability;

export function presenceResource(app: ApplicationHandle, state: UserState): UnknownResource {
  return buildResource({
    rel: 'presence',
    href: app.href('me/presence'),
    properties: { availability: state.availability, activity: state.activity },
  });
}

export function noteResource(app: ApplicationHandle, state: UserState): UnknownResource {
  return buildResource({
    rel: 'note',
    href: app.href('me/note'),
    properties: { message: state.note, type: state.noteType },
  });
}

export function locationResource(app: ApplicationHandle, state: UserState): UnknownResource {
  return buildResource({
    rel: 'location',
    href: app.href('me/location'),
    properties: { location: state.location },
  });
}

/** phones (phones_ref.md): the user's numbers as embedded phone resources. */
export function phonesResource(app: ApplicationHandle, user: UserRecord): UnknownResource {
  const numbers = [
    ['work', 'Work', user.workPhoneNumber],
    ['mobile', 'Mobile', user.mobilePhoneNumber],
  ] as const;
  const phones = numbers.flatMap(([id, type, number]) =>
    number === undefined ? [] : [phoneResource(app, id, type, number)],
  );
  return buildResource({ rel: 'phones', href: app.href('me/phones'), embedded: { phone: phones } });
}

export function phoneResource(
  app: ApplicationHandle,
  id: string,
  type: string,
  number: string,
): UnknownResource {
  const href = app.href(`me/phones/${id}`);
  return buildResource({
    rel: 'phone',
    href,
    properties: { includeInContactCard: true, number, type },
    links: { changeNumber: `${href}/changeNumber`, changeVisibility: `${href}/changeVisibility` },
  });
}

/** callForwardingSettings with its ETag and random property (a PUT-able resource). */
export function forwardingResource(
  app: ApplicationHandle,
  state: ForwardingState,
): UnknownResource {
  const href = app.href('me/callForwardingSettings');
  return buildResource({
    rel: 'callForwardingSettings',
    href,
    etag: state.guard.etag,
    properties: {
      ...state.extra,
      activePeriod: state.activePeriod,
      activeSetting: state.activeSetting,
      unansweredCallHandling: state.unansweredCallHandling,
      ...putTokenProperty(state.guard),
    },
    links: { turnOffCallForwarding: `${href}/turnOffCallForwarding` },
  });
}
