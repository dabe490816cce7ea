import type { PropertyValue } from '@ucwa/model';
import type { IdSource } from '../../core/ids.ts';
import type { UserRecord } from '../../core/users.ts';
import type { InputBody } from '../../wire/codec.ts';
import { createPutGuard, type PutGuard } from '../conditional-put.ts';

/** The settings a client may give when it creates or updates a meeting (myOnlineMeetings_ref.md). */
export interface MeetingSettings {
  accessLevel: string;
  attendees: string[];
  automaticLeaderAssignment: string;
  description: string;
  entryExitAnnouncement: string;
  /** Milliseconds since the epoch. */
  expirationTime: number;
  leaders: string[];
  lobbyBypassForPhoneUsers: string;
  phoneUserAdmission: string;
  subject: string;
}

/** A meeting of its organizer: fixed coordinates, changeable settings, a PUT guard. */
export interface Meeting {
  readonly onlineMeetingId: string;
  readonly conferenceId: string;
  readonly conversationId: string;
  readonly organizer: string;
  /** The user's assigned ("public") meeting, whose coordinates never change. */
  readonly assigned: boolean;
  readonly guard: PutGuard;
  settings: MeetingSettings;
}

/** What onlineMeetingDefaultValues_ref.md recommends, and what a new meeting starts with. */
export const DEFAULT_VALUES = {
  accessLevel: 'SameEnterprise',
  automaticLeaderAssignment: 'SameEnterprise',
  defaultOnlineMeetingRel: 'myOnlineMeetings',
  entryExitAnnouncement: 'Disabled',
  lobbyBypassForPhoneUsers: 'Disabled',
  participantsWarningThreshold: 16,
} as const;

/** A meeting expires 14 days after creation unless the client says otherwise. */
export const DEFAULT_LIFETIME_MS = 14 * 24 * 3600_000;

export function defaultSettings(now: number): MeetingSettings {
  return {
    accessLevel: DEFAULT_VALUES.accessLevel,
    attendees: [],
    automaticLeaderAssignment: DEFAULT_VALUES.automaticLeaderAssignment,
    description: '',
    entryExitAnnouncement: DEFAULT_VALUES.entryExitAnnouncement,
    expirationTime: now + DEFAULT_LIFETIME_MS,
    leaders: [],
    lobbyBypassForPhoneUsers: DEFAULT_VALUES.lobbyBypassForPhoneUsers,
    phoneUserAdmission: 'Disabled',
    subject: '',
  };
}

export function newMeeting(
  ids: IdSource,
  organizer: UserRecord,
  settings: MeetingSettings,
  assigned = false,
  onlineMeetingId = ids.hex(8).toUpperCase(),
): Meeting {
  return {
    onlineMeetingId: onlineMeetingId.toUpperCase(),
    conferenceId: ids.digits(8),
    conversationId: ids.uuid(),
    organizer: organizer.address.toLowerCase(),
    assigned,
    guard: createPutGuard(ids),
    settings,
  };
}

const TEXT = [
  'accessLevel',
  'automaticLeaderAssignment',
  'description',
  'entryExitAnnouncement',
  'lobbyBypassForPhoneUsers',
  'phoneUserAdmission',
  'subject',
] as const;

function uris(value: PropertyValue): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.flatMap((v) => (typeof v === 'string' && v.trim() !== '' ? [v.trim()] : []));
}

function time(value: PropertyValue): number | undefined {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? undefined : parsed;
  }
  return undefined;
}

/**
 * The settings after a POST or PUT body: every documented body parameter present in
 * `input` replaces the current value; read-only and unknown properties are ignored.
 */
export function applyInput(
  current: MeetingSettings,
  input: InputBody | undefined,
): MeetingSettings {
  const next: MeetingSettings = {
    ...current,
    attendees: [...current.attendees],
    leaders: [...current.leaders],
  };
  const props = input?.properties ?? {};
  for (const name of TEXT) {
    const value = props[name];
    if (typeof value === 'string') next[name] = value;
  }
  if (props.attendees !== undefined) next.attendees = uris(props.attendees);
  if (props.leaders !== undefined) next.leaders = uris(props.leaders);
  const expires = props.expirationTime === undefined ? undefined : time(props.expirationTime);
  if (expires !== undefined) next.expirationTime = expires;
  return next;
}
