import type { AccessToken, TokenProvider } from '@ucwa/transport';
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
      if (next === undefined)
        throw new TypeError(
          'the snapshot token expired or was refused, and no credentials were given',
        );
      return next.getToken(request);
    },
  };
}

/**
 * The sign-in of a resumed session: credentials as given (they get a new token); else the
 * snapshot's token, if it has one, followed by the token provider, if one is given.
 */
export function resumeAuth(
  snapshot: SessionSnapshot,
  auth: ResumeAuth,
  now: () => number,
): SignInAuth {
  if (auth.credentials !== undefined) return { credentials: auth.credentials };
  const token = snapshot.token;
  if (token === undefined) {
    if (auth.tokenProvider !== undefined) return { tokenProvider: auth.tokenProvider };
    throw new TypeError(
      'resumeSession: give credentials or a tokenProvider (the snapshot holds no token)',
    );
  }
  return { tokenProvider: snapshotFirst(token, auth.tokenProvider, now) };
}
