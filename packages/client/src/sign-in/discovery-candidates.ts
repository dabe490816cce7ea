/**
 * The discovery URLs for a sign-in domain, in the order RootURL.md gives: the internal
 * root before the external one, HTTPS only unless `http` is set (then HTTPS first, and
 * each HTTP root after the HTTPS ones).
 */
export function discoveryCandidates(domain: string, http = false): string[] {
  const host = domain.trim().toLowerCase();
  if (!/^[a-z0-9.-]+$/.test(host) || host.startsWith('.') || host.endsWith('.')) {
    throw new TypeError(`signIn: "${domain}" is not a domain name (expected e.g. contoso.com)`);
  }
  const names = [`lyncdiscoverinternal.${host}`, `lyncdiscover.${host}`];
  const https = names.map((name) => `https://${name}/`);
  return http ? [...https, ...names.map((name) => `http://${name}/`)] : https;
}

/** The domain a sign-in address belongs to (`contoso.com` for `alice@contoso.com`). */
export function domainOf(address: string): string | undefined {
  const at = address.lastIndexOf('@');
  return at < 0 ? undefined : address.slice(at + 1);
}
