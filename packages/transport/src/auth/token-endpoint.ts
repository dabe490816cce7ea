import { UcwaAuthError } from '../errors/other-errors.ts';
import { summarizeRequest } from '../errors/ucwa-transport-error.ts';
import type { FetchLike } from '../http/fetch-like.ts';
import type { AccessToken, Credentials } from './credentials.ts';
import { grantOf, tokenForm } from './credentials.ts';
import { readTokenAnswer, readTokenRefusal } from './token-response.ts';

export interface TokenEndpointCall {
  readonly fetch: FetchLike;
  readonly url: URL;
  readonly credentials: Credentials;
  /** The token being renewed (anonymous meeting join). */
  readonly renew?: string | undefined;
  readonly now: () => number;
  readonly signal: AbortSignal;
  readonly offeredGrants: readonly string[];
}

/**
 * POSTs the grant form to the MsRtcOAuth token endpoint and reads the answer
 * (AuthenticationInUCWA.md). OAuth errors become {@link UcwaAuthError} with the OAuth
 * `error` as `reason`; the form (with the password) never appears in the error.
 */
export async function requestToken(call: TokenEndpointCall): Promise<AccessToken> {
  const headers = new Headers({
    'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
    accept: 'application/json',
  });
  const request = summarizeRequest('POST', call.url, headers);
  const response = await call.fetch(
    new Request(call.url, {
      method: 'POST',
      headers,
      body: tokenForm(call.credentials, call.renew).toString(),
      signal: call.signal,
      redirect: 'manual',
    }),
  );
  const text = await response.text();
  const grant = grantOf(call.credentials);
  const base = { request, offeredGrants: call.offeredGrants };
  if (response.ok) {
    const token = readTokenAnswer(text);
    if (token === undefined) {
      throw new UcwaAuthError(`the token endpoint answered ${grant} with an unreadable token`, {
        ...base,
        reason: 'bad-token-response',
      });
    }
    return token.expiresIn === undefined
      ? { accessToken: token.accessToken }
      : { accessToken: token.accessToken, expiresAt: call.now() + token.expiresIn * 1000 };
  }
  const refusal = readTokenRefusal(text);
  const reason = refusal?.error ?? `http-${response.status}`;
  const passiveAuthUri = refusal?.passiveAuthUri;
  throw new UcwaAuthError(
    `the token endpoint refused the ${grant} grant with ${response.status} ${reason}`,
    { ...base, reason, passiveAuthUri },
  );
}
