import { UcwaAuthError } from '../errors/auth-error.ts';
import { summarizeRequest } from '../errors/request-summary.ts';
import { UcwaResponseError } from '../errors/response-error.ts';
import type { FetchLike } from '../http/fetch-like.ts';
import { readBoundedText } from '../http/read-body.ts';
import { redactSecrets } from '../redact.ts';
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
  readonly signal: AbortSignal | undefined;
  readonly offeredGrants: readonly string[];
  /** Largest answer read, in bytes. */
  readonly maxBytes: number;
  /** Secrets to redact from the server's text (the passwords). */
  readonly secrets: readonly string[];
}

/**
 * POSTs the grant form to the MsRtcOAuth token endpoint and reads the answer, at most
 * `maxBytes` of it (AuthenticationInUCWA.md). OAuth errors become {@link UcwaAuthError}
 * with the OAuth `error` as `reason`; the form (with the password) never appears in the
 * error, nor does a password or the renewed token the server echoed.
 */
export async function requestToken(call: TokenEndpointCall): Promise<AccessToken> {
  const headers = {
    'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
    accept: 'application/json',
  };
  const request = summarizeRequest('POST', call.url, headers);
  const response = await call.fetch(
    new Request(call.url, {
      method: 'POST',
      headers,
      body: tokenForm(call.credentials, call.renew).toString(),
      redirect: 'manual',
      ...(call.signal === undefined ? {} : { signal: call.signal }),
    }),
  );
  const text = await readBoundedText(response, call.maxBytes);
  if (text === undefined) {
    const contentType = response.headers.get('content-type') ?? undefined;
    const { status } = response;
    const why = `the token answer is larger than ${call.maxBytes} bytes`;
    throw new UcwaResponseError(why, { request, status, contentType });
  }
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
  const secrets = call.renew === undefined ? call.secrets : [...call.secrets, call.renew];
  const refusal = readTokenRefusal(text);
  const reason = redactSecrets(refusal?.error ?? `http-${response.status}`, secrets);
  const passiveAuthUri =
    refusal?.passiveAuthUri === undefined
      ? undefined
      : redactSecrets(refusal.passiveAuthUri, secrets);
  throw new UcwaAuthError(
    `the token endpoint refused the ${grant} grant with ${response.status} ${reason}`,
    { ...base, reason, passiveAuthUri },
  );
}
