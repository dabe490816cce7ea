/**
 * The discovery URLs for a sign-in domain, in the order RootURL.md gives: the internal
 * root before the external one, HTTPS only unless `http` is set (then each root over
 * HTTPS first, then over HTTP, before the next root).
 */
export function discoveryCandidates(domain: string, http = false): string[] {
  const host = domain.trim().toLowerCase();
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) {
    throw new TypeError(`signIn: "${domain}" is not a domain name (expected e.g. contoso.com)`);
  }
  const names = [`lyncdiscoverinternal.${host}`, `lyncdiscover.${host}`];
  return names.flatMap((name) =>
    http ? [`https://${name}/`, `http://${name}/`] : [`https://${name}/`],
  );
}

/** The domain a sign-in address belongs to (`contoso.com` for `alice@contoso.com`). */
export function domainOf(address: string): string | undefined {
  const at = address.lastIndexOf('@');
  return at < 0 ? undefined : address.slice(at + 1);
}
