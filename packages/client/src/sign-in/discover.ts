import { findLink } from '@ucwa/model';
import type { Transport } from '@ucwa/transport';
import { type DiscoveryAttempt, UcwaDiscoveryError } from '../errors/discovery-error.ts';
import { UcwaRedirectRefusedError } from '../errors/redirect-refused-error.ts';
import type { RedirectPolicy } from './redirect-policy.ts';

/** What discovery needs: a transport per origin (no retries, a short timeout) and the policy. */
export interface DiscoveryContext {
  readonly open: (origin: string) => Transport;
  readonly policy: RedirectPolicy;
  readonly signal?: AbortSignal | undefined;
}

/** The outcome of discovery: the root that answered and its `user` link. */
export interface Discovered {
  readonly rootUrl: string;
  readonly userUrl: string;
}

/** Redirects followed at most from one candidate, so two roots pointing at each other end. */
const MAX_HOPS = 4;

/**
 * RootURL.md's flow: each candidate in order until one yields a `user` link. A timeout,
 * a connection error, a 404 or a redirect to another domain (the transport refuses to
 * follow it) fails that candidate only; a `redirect` link the policy refuses ends
 * discovery, since following any other candidate would not make it trustworthy.
 */
export async function discover(
  candidates: readonly string[],
  ctx: DiscoveryContext,
): Promise<Discovered> {
  const attempts: DiscoveryAttempt[] = [];
  for (const candidate of candidates) {
    try {
      return await readRoot(candidate, ctx);
    } catch (error) {
      if (error instanceof UcwaRedirectRefusedError || ctx.signal?.aborted === true) throw error;
      attempts.push({ url: candidate, error });
    }
  }
  const tried = attempts.map((a) => `${a.url} (${describe(a.error)})`).join(', ');
  throw new UcwaDiscoveryError(`no discovery URL answered with a user link: ${tried}`, attempts);
}

async function readRoot(start: string, ctx: DiscoveryContext): Promise<Discovered> {
  let url = new URL(start);
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    const transport = ctx.open(url.origin);
    const root = await transport.get(url.href, {
      auth: false,
      ...(ctx.signal === undefined ? {} : { signal: ctx.signal }),
    });
    const base = root.href === '' ? url : new URL(root.href, url);
    const user = findLink(root, 'user');
    if (user !== undefined) return { rootUrl: base.href, userUrl: new URL(user.href, base).href };
    const redirect = findLink(root, 'redirect');
    if (redirect === undefined)
      throw new TypeError(`${url.href} has neither a user nor a redirect link`);
    const target = new URL(redirect.href, base);
    if (!ctx.policy({ url: target, from: base, source: 'discovery' })) {
      throw new UcwaRedirectRefusedError(target.href, 'discovery');
    }
    url = target;
  }
  throw new TypeError(`${start}: more than ${MAX_HOPS} discovery redirects`);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
