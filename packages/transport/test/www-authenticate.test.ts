import { describe, expect, it } from 'vitest';
import { findBearer, findMsRtcOAuth, parseWwwAuthenticate } from '../src/auth/www-authenticate.ts';

describe('parseWwwAuthenticate', () => {
  it.each([
    {
      name: 'the MsRtcOAuth example of AuthenticationInUCWA.md (unquoted href, quoted grant list)',
      header:
        'MsRtcOAuth href=https://contoso.com/WebTicket/oauthtoken,grant_type="urn:microsoft.rtc:windows,urn:microsoft.rtc:anonmeeting,password"',
      schemes: ['MsRtcOAuth'],
      href: 'https://contoso.com/WebTicket/oauthtoken',
      grants: ['urn:microsoft.rtc:windows', 'urn:microsoft.rtc:anonmeeting', 'password'],
    },
    {
      name: 'Bearer and MsRtcOAuth joined by Headers.get',
      header:
        'Bearer trusted_issuers="00000001-0000-0000-c000-000000000000@*", client_id="00000004-0000-0ff1-ce00-000000000000", authorization_uri="https://login.windows.net/common/oauth2/authorize", MsRtcOAuth href="https://x.test/WebTicket/oauthtoken",grant_type="urn:microsoft.rtc:windows,password"',
      schemes: ['Bearer', 'MsRtcOAuth'],
      href: 'https://x.test/WebTicket/oauthtoken',
      grants: ['urn:microsoft.rtc:windows', 'password'],
    },
    {
      name: 'Negotiate token68, NTLM bare and MsRtcOAuth',
      header:
        'Negotiate abc/def==, NTLM, msrtcoauth href="/WebTicket/oauthtoken", grant_type="password"',
      schemes: ['Negotiate', 'NTLM', 'msrtcoauth'],
      href: '/WebTicket/oauthtoken',
      grants: ['password'],
    },
  ])('$name', ({ header, schemes, href, grants }) => {
    const challenges = parseWwwAuthenticate(header);
    expect(challenges.map((c) => c.scheme)).toEqual(schemes);
    expect(findMsRtcOAuth(challenges)).toEqual({ href, grantTypes: grants });
  });

  it('reads the Bearer parameters and a token68', () => {
    const challenges = parseWwwAuthenticate(
      'Negotiate abc==, Bearer client_id="c1", authorization_uri="https://login.test/authorize"',
    );
    expect(challenges[0]?.token68).toBe('abc==');
    expect(findBearer(challenges)).toEqual({
      client_id: 'c1',
      authorization_uri: 'https://login.test/authorize',
    });
  });

  it('parses nothing from nothing', () => {
    expect(parseWwwAuthenticate(null)).toEqual([]);
    expect(findMsRtcOAuth(parseWwwAuthenticate('Basic realm="x"'))).toBeUndefined();
  });
});
