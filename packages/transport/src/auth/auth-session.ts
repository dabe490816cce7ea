import { UcwaAuthError } from '../errors/auth-error.ts';
import { isUcwaTransportError } from '../errors/guards.ts';
import type { Deadline } from '../http/deadline.ts';
import type { FetchLike } from '../http/fetch-like.ts';
import type { OriginPolicy } from '../origin-policy.ts';
import { raceSignal } from '../signals.ts';
import type {
  AccessToken,
  AuthOption,
  Credentials,
  TokenProvider,
  TokenReason,
} from './credentials.ts';
import { isTokenProvider, pickCredentials } from './credentials.ts';
import { requestToken } from './token-endpoint.ts';
import type { MsRtcOAuthChallenge } from './www-authenticate.ts';
import { findBearer, findMsRtcOAuth, parseWwwAuthenticate } from './www-authenticate.ts';

export interface AuthSessionOptions {
  readonly auth: AuthOption;
  readonly policy: OriginPolicy;
  readonly fetch: FetchLike;
  readonly now: () => number;
  /** Refresh this many ms before `expiresAt`. */
  readonly refreshMargin: number;
  /** A deadline for one token request (its own timeout, not any one caller's). */
  readonly tokenDeadline: () => Deadline;
  /** Largest token answer read, in bytes. */
  readonly maxBytes: number;
}

/**
 * The token lifecycle of one session: the current token, proactive refresh inside the
 * margin, and single-flight refresh, so 50 requests that hit a 401 together cause one
 * token request.
 */
export interface AuthSession {
  /** The token to send now, refreshed first when it is about to expire; `undefined` before sign-in. */
  current(signal?: AbortSignal): Promise<string | undefined>;
  /**
   * The token when one is valid now and no refresh is under way, without waiting;
   * otherwise `undefined` (then call `current`).
   */
  ready(): string | undefined;
  /** After a 401 to a request sent with `sent`: a fresh token to replay with. */
  unauthorized(
    headers: Headers,
    requestUrl: URL,
    sent: string | undefined,
    signal?: AbortSignal,
  ): Promise<string>;
  /**
   * The secrets a server might echo: the current and the previous token, the passwords of
   * the credentials. Redacted from every server text the transport repeats.
   */
  secrets(): readonly string[];
  /** The token held now, with its expiry, unless it has expired; `undefined` before sign-in. */
  token(): AccessToken | undefined;
}

/** What one session knows; only its own calls see it. */
interface SessionState {
  readonly provider: TokenProvider | undefined;
  readonly allowed: readonly Credentials[];
  token: AccessToken | undefined;
  /** The token before the last refresh: a server may still echo it. */
  previous: string | undefined;
  inflight: Promise<AccessToken> | undefined;
  challenge: (MsRtcOAuthChallenge & { readonly url: URL }) | undefined;
}

/** One token from the provider, or from the MsRtcOAuth token endpoint. */
async function obtain(
  options: AuthSessionOptions,
  state: SessionState,
  reason: TokenReason,
  signal: AbortSignal | undefined,
): Promise<AccessToken> {
  if (state.provider !== undefined) {
    try {
      const { origin } = options.policy;
      return await state.provider.getToken(
        signal === undefined ? { origin, reason } : { origin, reason, signal },
      );
    } catch (cause) {
      // A provider built on a transport (another session's sign-in, say) already says what
      // failed in the transport's own terms: a refused grant, a 503, the network.
      if (isUcwaTransportError(cause)) throw cause;
      throw new UcwaAuthError(`the token provider failed (${reason})`, {
        reason: 'provider-failed',
        cause,
      });
    }
  }
  const { challenge } = state;
  if (challenge === undefined) {
    throw new UcwaAuthError('the server sent no MsRtcOAuth challenge to sign in with', {
      reason: 'no-challenge',
    });
  }
  const credentials = pickCredentials(state.allowed, challenge.grantTypes);
  if (credentials === undefined) {
    throw new UcwaAuthError(
      `the server offers grants ${challenge.grantTypes.join(', ')}, none of them allowed by the credentials given`,
      { reason: 'no-matching-grant', offeredGrants: challenge.grantTypes },
    );
  }
  return requestToken({
    fetch: options.fetch,
    url: challenge.url,
    credentials,
    // AuthenticationInUCWA.md: an anonymous token is renewed with itself, keeping the identity.
    renew: credentials.grant === 'anonmeeting' ? state.token?.accessToken : undefined,
    now: options.now,
    signal,
    offeredGrants: challenge.grantTypes,
    maxBytes: options.maxBytes,
    secrets: passwordsOf(state.allowed),
  });
}

/** Stores the MsRtcOAuth challenge of a 401, or says why sign-in cannot go on. */
function readChallenge(
  options: AuthSessionOptions,
  state: SessionState,
  headers: Headers,
  requestUrl: URL,
): void {
  const challenges = parseWwwAuthenticate(headers.get('www-authenticate'));
  const found = findMsRtcOAuth(challenges);
  if (found !== undefined) {
    let url: URL;
    try {
      url = new URL(found.href, requestUrl);
    } catch (cause) {
      const why = 'the MsRtcOAuth challenge names a token endpoint that is not a URL';
      throw new UcwaAuthError(why, { reason: 'no-challenge', cause });
    }
    // The password goes to this URL: it must be as trusted as the UCWA origin itself.
    options.policy.assertTrusted(url, 'token endpoint');
    state.challenge = { ...found, url };
    return;
  }
  if (state.provider !== undefined || state.challenge !== undefined) return;
  const bearer = findBearer(challenges);
  throw new UcwaAuthError(
    bearer === undefined
      ? 'the server answered 401 without an MsRtcOAuth challenge'
      : 'the server offers only Bearer (Azure AD) sign-in: pass a TokenProvider as `auth`',
    { reason: bearer === undefined ? 'no-challenge' : 'bearer-only', bearer },
  );
}

/**
 * The token, if a header can carry it: an empty one, or one holding CR, LF or NUL, is
 * refused before any request is built with it (and without repeating it).
 */
function carriable(token: AccessToken): AccessToken {
  const value: unknown = token?.accessToken;
  if (typeof value === 'string' && value !== '' && !/[\r\n\0]/.test(value)) return token;
  throw new UcwaAuthError(
    'the token obtained cannot go in an Authorization header (not a string, empty, or holding CR, LF or NUL)',
    { reason: 'bad-token-response' },
  );
}

/** The passwords among `credentials` (a password grant's, a conference key). */
function passwordsOf(credentials: readonly Credentials[]): string[] {
  return credentials.flatMap((c) => ('password' in c && c.password !== '' ? [c.password] : []));
}

export function createAuthSession(options: AuthSessionOptions): AuthSession {
  const { auth } = options;
  const provider = isTokenProvider(auth) ? auth : undefined;
  const allowed =
    provider !== undefined
      ? []
      : Array.isArray(auth)
        ? (auth as readonly Credentials[])
        : [auth as Credentials];
  const state: SessionState = {
    provider,
    allowed,
    token: undefined,
    previous: undefined,
    inflight: undefined,
    challenge: undefined,
  };

  // Single flight: every caller waits on the same request; each can still leave by its signal.
  const refresh = (reason: TokenReason, signal: AbortSignal | undefined): Promise<AccessToken> => {
    if (state.inflight === undefined) {
      const deadline = options.tokenDeadline();
      state.inflight = obtain(options, state, reason, deadline.signal)
        .then(carriable)
        .then((fresh) => {
          state.previous = state.token?.accessToken;
          state.token = fresh;
          return fresh;
        })
        .finally(() => {
          state.inflight = undefined;
          deadline.dispose();
        });
      // Every waiter may have left by its signal: the failure is theirs, not unhandled.
      state.inflight.catch(() => undefined);
    }
    return raceSignal(state.inflight, signal);
  };
  const expiring = (token: AccessToken): boolean =>
    token.expiresAt !== undefined && options.now() >= token.expiresAt - options.refreshMargin;

  const ready = (): string | undefined => {
    const { token } = state;
    return state.inflight === undefined && token !== undefined && !expiring(token)
      ? token.accessToken
      : undefined;
  };

  const passwords = passwordsOf(allowed);
  return {
    ready,
    token: () => {
      const { token } = state;
      const valid = token?.expiresAt === undefined || options.now() < token.expiresAt;
      return valid ? token : undefined;
    },
    secrets() {
      const tokens = [state.token?.accessToken, state.previous];
      return [...passwords, ...tokens.filter((token) => token !== undefined)];
    },
    async current(signal) {
      const now = ready();
      if (now !== undefined) return now;
      const { token } = state;
      if (
        state.inflight === undefined &&
        token === undefined &&
        provider === undefined &&
        state.challenge === undefined
      ) {
        return undefined; // built-in flow before the first challenge: the server will send one
      }
      return (await refresh(token === undefined ? 'initial' : 'expiring', signal)).accessToken;
    },
    async unauthorized(headers, requestUrl, sent, signal) {
      readChallenge(options, state, headers, requestUrl);
      const { token } = state;
      if (state.inflight === undefined && token !== undefined && token.accessToken !== sent)
        return token.accessToken;
      return (await refresh(token === undefined ? 'initial' : 'unauthorized', signal)).accessToken;
    },
  };
}
