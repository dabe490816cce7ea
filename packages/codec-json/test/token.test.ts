import { describe, expect, it } from 'vitest';
import { isUcwaDecodeError } from '../src/index.ts';
import {
  decodeTokenError,
  decodeTokenResponse,
  encodeTokenError,
  encodeTokenResponse,
} from '../src/oauth.ts';

describe('decodeTokenResponse', () => {
  it('reads the answer of CreateAnApplication.md', () => {
    expect(
      decodeTokenResponse(
        '{"access_token":"cwt=AAEB...buHc","expires_in":28289,"ms_rtc_identityscope":"local","token_type":"Bearer"}',
      ),
    ).toEqual({
      accessToken: 'cwt=AAEB...buHc',
      tokenType: 'Bearer',
      expiresIn: 28289,
      identityScope: 'local',
    });
  });

  it('reads the minimal answer of AuthenticationInUCWA.md, and seconds as text', () => {
    expect(
      decodeTokenResponse('{"access_token":"cwt=2Yot","token_type":"Bearer","expires_in":"3600"}'),
    ).toEqual({
      accessToken: 'cwt=2Yot',
      tokenType: 'Bearer',
      expiresIn: 3600,
    });
  });

  it.each([
    ['{"token_type":"Bearer"}', '$.access_token'],
    ['{"access_token":"","token_type":"Bearer"}', '$.access_token'],
    ['{"access_token":"cwt=secret"}', '$.token_type'],
    ['{"access_token":"cwt=secret","token_type":"Bearer","expires_in":-1}', '$.expires_in'],
    ['{"access_token":"cwt=secret","token_type":"Bearer","expires_in":{}}', '$.expires_in'],
  ])('refuses %s at %s without echoing the token', (text, path) => {
    try {
      decodeTokenResponse(text);
      expect.unreachable();
    } catch (error) {
      expect(isUcwaDecodeError(error)).toBe(true);
      expect(error).toMatchObject({ problem: 'invalid-value', path, format: 'json' });
      expect(String(error)).not.toContain('secret');
    }
  });

  it('does not echo a token from malformed text', () => {
    try {
      decodeTokenResponse('cwt=secret-token');
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ problem: 'malformed' });
      expect(String(error)).not.toContain('secret');
    }
  });

  it('round-trips', () => {
    const token = { accessToken: 'cwt=x', tokenType: 'Bearer', expiresIn: 3600 };
    expect(decodeTokenResponse(encodeTokenResponse(token))).toEqual(token);
  });
});

describe('decodeTokenError', () => {
  it('reads the errors of AuthenticationInUCWA.md', () => {
    expect(decodeTokenError('{\n "error":"unsupported_grant_type"\n}')).toEqual({
      error: 'unsupported_grant_type',
    });
    expect(
      decodeTokenError(
        '{"error":"invalid_grant","ms_rtc_passiveauthuri":"https:\\/\\/server.contoso.com\\/PassiveAuth\\/PassiveAuth.aspx"}',
      ),
    ).toEqual({
      error: 'invalid_grant',
      passiveAuthUri: 'https://server.contoso.com/PassiveAuth/PassiveAuth.aspx',
    });
  });

  it('reads error_description and error_uri, refuses a missing error', () => {
    const error = { error: 'invalid_request', errorDescription: 'no', errorUri: 'https://x' };
    expect(decodeTokenError(encodeTokenError(error))).toEqual(error);
    expect(() => decodeTokenError('{"error_description":"x"}')).toThrow(
      expect.objectContaining({ problem: 'invalid-value', path: '$.error' }),
    );
  });
});
