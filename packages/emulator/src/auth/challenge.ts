import type { RawReply } from '../http/types.ts';

/** The token endpoint path (CreateAnApplication.md). */
export const TOKEN_PATH = '/WebTicket/oauthtoken';

/** The grant types the challenge advertises (AuthenticationInUCWA.md). */
export const ADVERTISED_GRANTS = 'urn:microsoft.rtc:windows,urn:microsoft.rtc:anonmeeting,password';

/**
 * 401 with both challenges a UCWA front end sends: a Bearer one and the MsRtcOAuth one
 * naming the token endpoint on this origin (CreateAnApplication.md, step 4).
 */
export function challenge(origin: string): RawReply {
  return {
    kind: 'raw',
    status: 401,
    contentType: 'text/html; charset=utf-8',
    body: '<html><body><h2>401 - Unauthorized: Access is denied due to invalid credentials.</h2></body></html>',
    headers: [
      [
        'WWW-Authenticate',
        'Bearer trusted_issuers="00000002-0000-0ff1-ce00-000000000000@contoso.com", client_id="00000004-0000-0ff1-ce00-000000000000"',
      ],
      [
        'WWW-Authenticate',
        `MsRtcOAuth href="${origin}${TOKEN_PATH}",grant_type="${ADVERTISED_GRANTS}"`,
      ],
    ],
  };
}
