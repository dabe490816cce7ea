import { findLink, type UnknownResource } from '@ucwa/model';
import type { Transport } from '@ucwa/transport';
import { UcwaRedirectRefusedError } from '../errors/redirect-refused-error.ts';
import type { RedirectPolicy } from './redirect-policy.ts';

/** The signed-in user resource and the transport of the pool that serves it. */
export interface OpenedUser {
  readonly transport: Transport;
  readonly user: UnknownResource;
  readonly userUrl: string;
  readonly applicationsUrl: string;
}

const MAX_POOL_REDIRECTS = 3;

/**
 * GETs the user resource (the transport answers the 401 with a token) and follows its
 * `redirect` link to another pool when the policy approves, with a transport, and so a
 * token, of that pool (RootURL.md steps 9-11).
 */
export async function openUser(
  userUrl: string,
  open: (origin: string) => Transport,
  policy: RedirectPolicy,
  signal: AbortSignal | undefined,
): Promise<OpenedUser> {
  let url = new URL(userUrl);
  for (let hop = 0; hop <= MAX_POOL_REDIRECTS; hop++) {
    const transport = open(url.origin);
    const user = await transport.get(url.href, signal === undefined ? {} : { signal });
    const applications = findLink(user, 'applications');
    if (applications !== undefined) {
      const applicationsUrl = new URL(applications.href, url).href;
      return { transport, user, userUrl: url.href, applicationsUrl };
    }
    const redirect = findLink(user, 'redirect');
    if (redirect === undefined)
      throw new TypeError(`${url.href}: the user resource has no applications link`);
    const target = new URL(redirect.href, url);
    if (!policy({ url: target, from: url, source: 'user' })) {
      throw new UcwaRedirectRefusedError(target.href, 'user');
    }
    url = target;
  }
  throw new TypeError(`${userUrl}: more than ${MAX_POOL_REDIRECTS} pool redirects`);
}
