import { describe, expect, it } from 'vitest';
import { readTokenAnswer, readTokenRefusal } from '../src/auth/token-response.ts';

describe('token endpoint answers', () => {
  it.each([
    [
      '{"access_token":"cwt=2Yot","token_type":"Bearer","expires_in":3600}',
      { accessToken: 'cwt=2Yot', expiresIn: 3600 },
    ],
    [
      '{"access_token":"cwt=a","token_type":"Bearer","expires_in":"28289","ms_rtc_identityscope":"local"}',
      { accessToken: 'cwt=a', expiresIn: 28289 },
    ],
    [
      '{"access_token":"cwt=a","token_type":"bearer"}',
      { accessToken: 'cwt=a', expiresIn: undefined },
    ],
    // RFC 6749 §5.1: token_type is required.
    ['{"access_token":"cwt=a"}', undefined],
    ['{"access_token":"","token_type":"Bearer"}', undefined],
    ['{"access_token":"x","token_type":"MAC"}', undefined],
    ['{"access_token":"x","token_type":"Bearer","expires_in":-5}', undefined],
    ['[1]', undefined],
    ['<html/>', undefined],
  ])('%s', (text, expected) => {
    expect(readTokenAnswer(text)).toEqual(expected);
  });

  it.each([
    [
      '{"error":"unsupported_grant_type"}',
      { error: 'unsupported_grant_type', passiveAuthUri: undefined },
    ],
    [
      '{"error":"invalid_grant","ms_rtc_passiveauthuri":"https:\\/\\/server.contoso.com\\/PassiveAuth\\/PassiveAuth.aspx"}',
      {
        error: 'invalid_grant',
        passiveAuthUri: 'https://server.contoso.com/PassiveAuth/PassiveAuth.aspx',
      },
    ],
    ['{"message":"no"}', undefined],
    ['', undefined],
  ])('refusal %s', (text, expected) => {
    expect(readTokenRefusal(text)).toEqual(expected);
  });
});
