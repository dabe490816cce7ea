import { UcwaOriginError } from './errors/origin-error.ts';
import { redactUrl } from './redact.ts';

/** Query parameters to add to an href; `undefined` values are skipped. */
export type QueryParameters = Readonly<
  Record<string, string | number | boolean | readonly (string | number | boolean)[] | undefined>
>;

/**
 * Whether a host is loopback: `localhost`, 127.0.0.0/8 or `::1`. Only these may be reached
 * over plain `http:` (the emulator runs there).
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Refuses URLs no token may go to, whatever the trust list says. */
function assertSafeUrl(url: URL, what: string): void {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UcwaOriginError(`${what}: only https: URLs are allowed`, { url: redactUrl(url) });
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new UcwaOriginError(
      `${what}: plain http: is allowed only to loopback hosts, not ${url.hostname}`,
      { url: redactUrl(url) },
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new UcwaOriginError(`${what}: URLs with user info are refused`, { url: redactUrl(url) });
  }
}

/**
 * The set of origins a session trusts with its token: the UCWA origin it was created for
 * and origins the caller approved later (a pool `redirect` that passed its security
 * check). Every URL the transport requests is resolved and checked here first.
 */
export interface OriginPolicy {
  /** The origin relative hrefs resolve against. */
  readonly origin: string;
  /** Resolves `href` against `base` (default: the origin), adds `query`, and checks the result. */
  resolve(href: string, options?: { base?: string | URL; query?: QueryParameters }): URL;
  /** Throws {@link UcwaOriginError} unless `url` is on a trusted origin. */
  assertTrusted(url: URL, what?: string): void;
  isTrusted(url: URL): boolean;
  /** Adds an origin (after the caller's security check of a redirect). */
  trust(origin: string): void;
  readonly trusted: readonly string[];
}

/**
 * An href that keeps the origin it is resolved against: a `/` not followed by another `/`,
 * a backslash, a tab or a newline (which a URL parser reads as the start of a host).
 */
const PATH_ABSOLUTE = /^\/[^/\\\t\n\r]/;

/** Creates the policy; throws {@link UcwaOriginError} for an unsafe initial origin. */
export function createOriginPolicy(origin: string, extra: readonly string[] = []): OriginPolicy {
  const trusted = new Set<string>();
  const add = (value: string): string => {
    const url = new URL(value);
    assertSafeUrl(url, 'trusted origin');
    trusted.add(url.origin);
    return url.origin;
  };
  const base = add(origin);
  for (const value of extra) add(value);

  const isTrusted = (url: URL): boolean => trusted.has(url.origin);
  const assertTrusted = (url: URL, what = 'URL'): void => {
    // Every trusted origin passed `assertSafeUrl` when it was added, and that check depends
    // only on the scheme, the origin and the user info. The scheme is checked here too: a
    // `blob:https://…` URL has the origin of the URL inside it.
    if (
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      url.username === '' &&
      url.password === '' &&
      trusted.has(url.origin)
    ) {
      return;
    }
    assertSafeUrl(url, what);
    if (!isTrusted(url)) {
      throw new UcwaOriginError(
        `${what} ${redactUrl(url)} is not on a trusted origin (${[...trusted].join(', ')})`,
        { url: redactUrl(url) },
      );
    }
  };
  return {
    origin: base,
    resolve(href, options = {}) {
      let url: URL;
      try {
        url = new URL(href, options.base ?? base);
      } catch (cause) {
        throw new UcwaOriginError(`href ${JSON.stringify(href)} is not a URL`, { url: '', cause });
      }
      // Resolved against the (trusted) origin, a path-absolute href needs no second look.
      if (options.base !== undefined || !PATH_ABSOLUTE.test(href)) assertTrusted(url, 'href');
      appendQuery(url, options.query);
      return url;
    },
    assertTrusted,
    isTrusted,
    trust(value) {
      add(value);
    },
    get trusted() {
      return [...trusted];
    },
  };
}

/**
 * Adds parameters through `URLSearchParams`, keeping the ones the server put in the href
 * untouched (QueryParameters.md: never by string concatenation).
 */
export function appendQuery(url: URL, query: QueryParameters | undefined): void {
  if (query === undefined) return;
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) url.searchParams.append(name, String(item));
  }
}
