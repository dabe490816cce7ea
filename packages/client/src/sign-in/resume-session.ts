import { isResource } from '@ucwa/model';
import { isUcwaHttpError } from '@ucwa/transport';
import { startCore } from '../session/create-session.ts';
import type { Session } from '../session/session.ts';
import { sessionOf } from '../session/session-object.ts';
import type { SessionSnapshot } from '../session/snapshot-types.ts';
import { createStatusCell } from '../session/status.ts';
import type { ApplicationIdentity } from './create-application.ts';
import { locateApplication } from './locate-application.ts';
import { resolveSignIn, signInName } from './sign-in-config.ts';
import type { DiscoveryStart, SignInSettings } from './sign-in-options.ts';
import { credentialTokens, type ResumeAuth, resumeAuth } from './snapshot-token.ts';

/**
 * Options of `resumeSession`: how to sign in again, without the application identity.
 * Credentials or a token provider may be left out when the snapshot holds a token.
 */
export type ResumeOptions = DiscoveryStart &
  ResumeAuth &
  Omit<SignInSettings, 'application'> & { readonly application?: SignInSettings['application'] };

/** The storage key signing in with the options' credentials would use, if any. */
function storageKeyOf(options: ResumeOptions): { storageKey?: string } {
  const key = options.storageKey ?? signInName(options);
  return key === undefined ? {} : { storageKey: key };
}

/**
 * Continues a session from `snapshot` in this process: the same application (read again
 * with fresh credentials) and the event channel from the snapshot's cursor, so no event
 * the server still holds is lost. A vanished application is recreated instead. A snapshot
 * taken with `{ secrets: true }` holds the token: it is sent while it is valid, and only
 * once it expires or is refused (401) do the credentials (or the token provider) get a new one.
 *
 * @example
 * ```ts
 * const saved = JSON.stringify(session.snapshot());
 * // ... in a new process:
 * const again = await resumeSession(JSON.parse(saved), { domain: 'contoso.com', credentials });
 * ```
 */
export async function resumeSession(
  snapshot: SessionSnapshot,
  options: ResumeOptions,
): Promise<Session> {
  if (snapshot?.version !== 1)
    throw new TypeError('resumeSession: not a version 1 session snapshot');
  const identity: ApplicationIdentity = {
    userAgent: snapshot.userAgent,
    culture: snapshot.culture,
    endpointId: snapshot.endpointId,
    instanceId: snapshot.instanceId,
  };
  const withCredentials =
    options.credentials === undefined
      ? undefined
      : resolveSignIn({ ...options, tokenProvider: undefined, application: identity });
  const fallback =
    withCredentials === undefined
      ? options.tokenProvider
      : credentialTokens(snapshot, withCredentials.openSession);
  const auth = resumeAuth(snapshot, options, fallback, options.now ?? Date.now);
  const cfg = resolveSignIn({
    ...options,
    credentials: undefined,
    tokenProvider: undefined,
    ...auth,
    // The records stay under the user name of the credentials, as when signing in with them.
    ...storageKeyOf(options),
    application: identity,
  });
  const status = createStatusCell(options.onStatus);
  await cfg.records.writeDiscovery(snapshot.discovery);
  const transport = cfg.openSession(new URL(snapshot.applicationHref).origin);
  try {
    const application = await transport.get(snapshot.applicationHref, { cache: false });
    if (!isResource(application, 'application'))
      throw new TypeError(`${snapshot.applicationHref} is not an application`);
    const core = startCore({
      cfg,
      identity,
      status,
      transport,
      application,
      ...snapshot.discovery,
      cursor: snapshot.cursor,
    });
    return sessionOf(core);
  } catch (error) {
    if (!(isUcwaHttpError(error) && error.status === 404)) throw error;
    const located = await locateApplication(cfg, identity);
    return sessionOf(startCore({ cfg, identity, status, ...located }));
  }
}
