import type { AccessToken, TokenProvider, Transport } from '@ucwa/transport';
import type { SessionSnapshot } from '../session/snapshot-types.ts';
import type { SignInAuth } from './sign-in-options.ts';

/** How a resumed session signs in when the options may give neither credentials nor a provider. */
export type ResumeAuth =
  | SignInAuth
  | { readonly credentials?: undefined; readonly tokenProvider?: undefined };

/** Sends the snapshot's token first (while it is valid), then asks `next`, if any. */
function snapshotFirst(
  token: AccessToken,
  next: TokenProvider | undefined,
  now: () => number,
): TokenProvider {
  let used = false;
  return {
    getToken: async (request) => {
      const valid = token.expiresAt === undefined || now() < token.expiresAt;
      if (!used && request.reason === 'initial' && valid) {
        used = true;
        return token;
      }
      // Expired, about to, or refused (401): the snapshot's token is done for good.
      used = true;
      if (next === undefined)
        throw new TypeError(
          'the snapshot token expired or was refused, and no credentials were given',
        );
      return next.getToken(request);
    },
  };
}

/** The href a credentials transport for `origin` reads to be challenged (the user resource first). */
function probeOf(snapshot: SessionSnapshot, origin: string): string {
  const { userUrl, applicationsUrl } = snapshot.discovery;
  const known = [userUrl, snapshot.applicationHref, applicationsUrl];
  return (
    known.find((href) => new URL(href).origin === origin) ??
    new URL(new URL(applicationsUrl).pathname, origin).href
  );
}

/**
 * Tokens from the MsRtcOAuth flow of the credentials: a transport of their own (one per
 * origin, from `open`) reads a resource of the origin, is challenged, gets a token and
 * renews it as any session does; its token is handed over.
 */
export function credentialTokens(
  snapshot: SessionSnapshot,
  open: (origin: string) => Transport,
): TokenProvider {
  const transports = new Map<string, Transport>();
  return {
    getToken: async ({ origin, signal }) => {
      let transport = transports.get(origin);
      if (transport === undefined) {
        transport = open(origin);
        transports.set(origin, transport);
      }
      const before = transport.currentToken()?.accessToken;
      const probe = probeOf(snapshot, origin);
      try {
        await transport.get(probe, { cache: false, ...(signal === undefined ? {} : { signal }) });
      } catch (error) {
        // A refusal after the token came (the application gone: 404) still gave a token.
        const after = transport.currentToken()?.accessToken;
        if (after === undefined || after === before) throw error;
      }
      const token = transport.currentToken();
      if (token === undefined) throw new TypeError(`no token came with the answer to ${probe}`);
      return token;
    },
  };
}

/**
 * The sign-in of a resumed session. A snapshot with a token: that token is sent while it is
 * valid; once it expires or is refused, `fallback` (the credentials' tokens, or the token
 * provider) gives the next ones. A snapshot without one: the credentials or provider as given.
 */
export function resumeAuth(
  snapshot: SessionSnapshot,
  auth: ResumeAuth,
  fallback: TokenProvider | undefined,
  now: () => number,
): SignInAuth {
  const token = snapshot.token;
  if (token === undefined) {
    if (auth.credentials !== undefined) return { credentials: auth.credentials };
    if (auth.tokenProvider !== undefined) return { tokenProvider: auth.tokenProvider };
    throw new TypeError(
      'resumeSession: give credentials or a tokenProvider (the snapshot holds no token)',
    );
  }
  return { tokenProvider: snapshotFirst(token, fallback, now) };
}
