/** An online meeting an anonymous user may join (AuthenticationInUCWA.md, anonmeeting). */
export interface Conference {
  /** `sip:organizer@domain;gruu;opaque=app:conf:focus:id:<key>`. */
  readonly uri: string;
  /** The conference key the anonmeeting grant sends as `password`. */
  readonly key: string;
  readonly organizer: string;
  /**
   * Who may bypass the lobby, for a scheduled meeting (AccessLevel_ref.md); an ad hoc
   * meeting has none and admits everyone at once.
   */
  readonly access?: MeetingAccess;
}

/** A scheduled meeting's admission settings, as its organizer last set them. */
export interface MeetingAccess {
  /** `Everyone`, `SameEnterprise`, `Invited`, `Locked` or `None` (AccessLevel_ref.md). */
  readonly accessLevel: string;
  /** SIP URIs (or addresses) of the attendees the organizer invited. */
  readonly attendees: readonly string[];
  /** SIP URIs (or addresses) of the leaders besides the organizer, who may admit. */
  readonly leaders: readonly string[];
}

/** Finds a meeting that exists now by its focus URI. */
export type ConferenceResolver = (uri: string) => Conference | undefined;

/** The meetings of one emulator, as the features that own meetings resolve them. */
export interface ConferenceDirectory {
  /** Adds a source of meetings (the meetings feature registers one). */
  register(resolver: ConferenceResolver): void;
  /** The meeting with this focus URI, if one exists now. */
  find(uri: string): Conference | undefined;
}

const FOCUS = /^sip:([^;\s]+);\s*gruu;\s*opaque=app:conf:focus:id:([A-Za-z0-9]+)$/i;

/** The organizer and key of a focus URI, or `undefined` for a URI of another shape. */
export function parseConferenceUri(
  uri: string,
): { readonly organizer: string; readonly key: string } | undefined {
  const match = FOCUS.exec(uri.trim());
  if (match === null) return undefined;
  return { organizer: match[1] as string, key: match[2] as string };
}

/** The focus URI of a meeting of `organizer` with conference key `key`. */
export const conferenceUri = (organizer: string, key: string): string =>
  `sip:${organizer};gruu;opaque=app:conf:focus:id:${key}`;

/** A directory with no sources yet. */
export function createConferenceDirectory(): ConferenceDirectory {
  const resolvers: ConferenceResolver[] = [];
  return {
    register: (resolver) => {
      resolvers.push(resolver);
    },
    find(uri) {
      for (const resolve of resolvers) {
        const found = resolve(uri);
        if (found !== undefined) return found;
      }
      return undefined;
    },
  };
}
