/** What a redirect policy is asked about. */
export interface RedirectRequest {
  /** Where the `redirect` link points. */
  readonly url: URL;
  /** The URL of the resource that carried the link. */
  readonly from: URL;
  /** `discovery`: a discovery root's redirect; `user`: the user resource's (another pool). */
  readonly source: 'discovery' | 'user';
}

/**
 * Decides whether a `redirect` link may be followed, and the token sent there
 * (RootURL.md's security check). Return `true` to follow it.
 */
export type RedirectPolicy = (request: RedirectRequest) => boolean;

/** The `redirectPolicy` option: a function, or origins/host names allowed besides the default rule. */
export type RedirectPolicyOption = RedirectPolicy | { readonly allow: readonly string[] };

/** The last two labels of a host name (`contoso.com` for `lyncweb.pool.contoso.com`). */
export function parentDomain(hostname: string): string {
  return hostname.toLowerCase().split('.').slice(-2).join('.');
}

function allowedBy(list: readonly string[], url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return list.some((entry) => {
    const item = entry.toLowerCase();
    return item.includes('://') ? new URL(item).origin === url.origin : item === host;
  });
}

/**
 * The default policy: follow a redirect over https whose host shares the parent domain
 * of the sign-in domain (or of the URL discovery started from), or that `allow` lists
 * (as a host name or an origin).
 */
export function createRedirectPolicy(
  homeDomain: string,
  option: RedirectPolicyOption | undefined,
): RedirectPolicy {
  if (typeof option === 'function') return option;
  const allow = option?.allow ?? [];
  const home = parentDomain(homeDomain);
  return ({ url }) =>
    allowedBy(allow, url) || (url.protocol === 'https:' && parentDomain(url.hostname) === home);
}
