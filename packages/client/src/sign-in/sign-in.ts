import { startCore } from '../session/create-session.ts';
import type { Session } from '../session/session.ts';
import { sessionOf } from '../session/session-object.ts';
import { createStatusCell } from '../session/status.ts';
import type { ApplicationIdentity } from './create-application.ts';
import { locateApplication } from './locate-application.ts';
import { resolveSignIn, type SignInConfig } from './sign-in-config.ts';
import type { SignInOptions } from './sign-in-options.ts';

async function identityOf(cfg: SignInConfig): Promise<ApplicationIdentity> {
  const app = cfg.options.application;
  return {
    userAgent: app.userAgent,
    culture: app.culture ?? 'en-US',
    endpointId: app.endpointId ?? (await cfg.records.endpointId(cfg.randomId)),
    // One per session (MultiTabSupport.md): recreating the application with it gives this
    // session its own event channel back, events still queued there included.
    instanceId: cfg.randomId(),
  };
}

/**
 * Signs a user in: discovery (internal root, then external; cached in `storage`), the
 * token, the application, and its event channel. Resolves once the session is `ready`.
 *
 * @example
 * ```ts
 * const session = await signIn({
 *   domain: 'contoso.com',
 *   credentials: { username: 'alice@contoso.com', password },
 *   application: { userAgent: 'my-app/1.0' },
 * });
 * await session.makeMeAvailable({ supportedModalities: ['Messaging'] });
 * ```
 */
export async function signIn(options: SignInOptions): Promise<Session> {
  const cfg = resolveSignIn(options);
  const status = createStatusCell(options.onStatus);
  try {
    const identity = await identityOf(cfg);
    const located = await locateApplication(cfg, identity);
    return sessionOf(startCore({ cfg, identity, status, ...located }));
  } catch (error) {
    status.set({ state: 'signedOut', reason: { kind: 'failed', error } });
    throw error;
  }
}
