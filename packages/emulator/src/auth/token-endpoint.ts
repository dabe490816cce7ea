import type { CoreParts } from '../core/core.ts';
import type { UserRecord } from '../core/users.ts';
import type { RawReply } from '../http/types.ts';

const NO_STORE: readonly (readonly [string, string])[] = [
  ['Cache-Control', 'no-store'],
  ['Pragma', 'no-cache'],
];

/** An OAuth error body (AuthenticationInUCWA.md, "Error conditions"). */
function oauthError(
  error: string,
  diagnostics: string,
  extra: Record<string, string> = {},
): RawReply {
  return {
    kind: 'raw',
    status: 400,
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify({ error, ...extra }),
    headers: [...NO_STORE, ['X-Ms-diagnostics', diagnostics]],
  };
}

function granted(token: string, lifetimeS: number): RawReply {
  return {
    kind: 'raw',
    status: 200,
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify({
      access_token: token,
      expires_in: lifetimeS,
      ms_rtc_identityscope: 'local',
      token_type: 'Bearer',
    }),
    headers: NO_STORE,
  };
}

function anonymousUser(core: CoreParts): UserRecord {
  const id = core.ids.hex(8);
  return {
    address: `anonymous-${id}@anonymous.invalid`,
    password: '',
    name: 'Anonymous',
    contacts: [],
  };
}

const noMeeting = (): RawReply =>
  oauthError('invalid_grant', '28020;reason="No such meeting, or a wrong conference key."');

/**
 * The anonmeeting grant: only for a meeting that exists, with its conference key as
 * `password`. `ms_rtc_renew` keeps the anonymous identity, and only a live anonymous
 * token of the same meeting may be renewed.
 */
function anonmeeting(core: CoreParts, form: URLSearchParams, host: string): RawReply {
  const conferenceUri = form.get('ms_rtc_conferenceuri');
  const key = form.get('password');
  if (conferenceUri === null || key === null) {
    return oauthError(
      'invalid_request',
      '28032;reason="ms_rtc_conferenceuri and password are required."',
    );
  }
  const meeting = core.host.conferences.find(conferenceUri);
  if (meeting === undefined || meeting.key.toLowerCase() !== key.trim().toLowerCase())
    return noMeeting();
  const renew = form.get('ms_rtc_renew');
  const previous = renew === null ? undefined : core.tokens.lookup(renew);
  const live = previous !== undefined && previous.expiresAt > core.clock.now();
  if (renew !== null && !(live && previous.anonymous && previous.conferenceUri === meeting.uri)) {
    return oauthError('invalid_grant', '28020;reason="The token to renew is not valid."');
  }
  const user = previous?.user ?? anonymousUser(core);
  const lifetime = core.options.anonymousTokenLifetimeS;
  const record = core.tokens.issue(
    { user, anonymous: true, conferenceUri: meeting.uri, host },
    lifetime,
  );
  return granted(record.token, lifetime);
}

function signIn(core: CoreParts, user: UserRecord | undefined, host: string): RawReply {
  if (user === undefined)
    return oauthError('invalid_grant', '28020;reason="No valid security token."');
  const lifetime = core.options.tokenLifetimeS;
  return granted(core.tokens.issue({ user, anonymous: false, host }, lifetime).token, lifetime);
}

/**
 * POST /WebTicket/oauthtoken with a form body: the password, windows (when configured),
 * anonmeeting (with `ms_rtc_renew`) and passive grants of AuthenticationInUCWA.md.
 */
export function tokenEndpoint(core: CoreParts, body: string, host: string): RawReply {
  const form = new URLSearchParams(body);
  const grant = form.get('grant_type');
  switch (grant) {
    case null:
      return oauthError('invalid_request', '28032;reason="grant_type is required."');
    case 'password': {
      const username = form.get('username');
      const password = form.get('password');
      if (username === null || password === null) {
        return oauthError('invalid_request', '28032;reason="username and password are required."');
      }
      const user = core.users.find(username);
      return signIn(core, user?.password === password ? user : undefined, host);
    }
    case 'urn:microsoft.rtc:windows': {
      if (form.has('username') || form.has('password')) {
        return oauthError(
          'invalid_request',
          '28032;reason="The windows grant takes no credentials."',
        );
      }
      const name = core.options.windowsUser;
      return signIn(core, name === undefined ? undefined : core.users.find(name), host);
    }
    case 'urn:microsoft.rtc:anonmeeting':
      return anonmeeting(core, form, host);
    case 'urn:microsoft.rtc:passive':
      return oauthError('invalid_grant', '28020;reason="No valid security token."', {
        ms_rtc_passiveauthuri: core.options.passiveAuthUri,
      });
    default:
      return oauthError(
        'unsupported_grant_type',
        '28029;reason="Authentication type not allowed."',
      );
  }
}
