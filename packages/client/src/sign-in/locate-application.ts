import type { Resource } from '@ucwa/model';
import {
  isUcwaHttpError,
  isUcwaNetworkError,
  isUcwaTimeoutError,
  type Transport,
} from '@ucwa/transport';
import { type ApplicationIdentity, createApplication } from './create-application.ts';
import { discover } from './discover.ts';
import { openUser } from './open-user.ts';
import type { SignInConfig } from './sign-in-config.ts';

/** A created application and the transport of its pool. */
export interface LocatedApplication {
  readonly transport: Transport;
  readonly application: Resource<'application'>;
  readonly applicationsUrl: string;
  readonly userUrl: string;
}

/**
 * Whether a failure means the cached URLs are no longer good (RootURL.md): 403, 502, or
 * a connection that keeps failing (the transport has already retried it).
 */
export function invalidatesDiscovery(error: unknown): boolean {
  if (isUcwaHttpError(error)) return error.status === 403 || error.status === 502;
  return isUcwaNetworkError(error) || isUcwaTimeoutError(error);
}

/**
 * The application for this sign-in: from the cached `applications` URL when there is one,
 * else (or when that URL fails as {@link invalidatesDiscovery} says) after discovery.
 */
export async function locateApplication(
  cfg: SignInConfig,
  identity: ApplicationIdentity,
): Promise<LocatedApplication> {
  const cached = await cfg.records.readDiscovery();
  if (cached !== undefined) {
    const transport = cfg.openSession(new URL(cached.applicationsUrl).origin);
    try {
      const application = await createApplication(
        transport,
        cached.applicationsUrl,
        identity,
        cfg.signal,
      );
      return { transport, application, ...cached };
    } catch (error) {
      if (cfg.signal?.aborted === true || !invalidatesDiscovery(error)) throw error;
      await cfg.records.clearDiscovery();
    }
  }
  return discoverApplication(cfg, identity);
}

async function discoverApplication(
  cfg: SignInConfig,
  identity: ApplicationIdentity,
): Promise<LocatedApplication> {
  const found = await discover(cfg.candidates, {
    open: cfg.openDiscovery,
    policy: cfg.policy,
    signal: cfg.signal,
  });
  const user = await openUser(found.userUrl, cfg.openSession, cfg.policy, cfg.signal);
  await cfg.records.writeDiscovery({
    userUrl: user.userUrl,
    applicationsUrl: user.applicationsUrl,
  });
  const application = await createApplication(
    user.transport,
    user.applicationsUrl,
    identity,
    cfg.signal,
  );
  return {
    transport: user.transport,
    application,
    applicationsUrl: user.applicationsUrl,
    userUrl: user.userUrl,
  };
}
