/** A `Host` header value: a registered name, IPv4 or bracketed IPv6, with an optional port. */
const HOST = /^(?:[A-Za-z0-9._~-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$/;

/** Whether `host` can stand in a URL's authority (what an invalid `Host` header is not). */
export const isValidHost = (host: string): boolean => HOST.test(host);

/** A path with no `//`, `\\`, `#` or dot segment: it parses as it is. */
const PLAIN = /^\/(?!\/)(?:[^\\#/.]|\/(?![/.])|\.(?!\.?(?:\/|$|\?)))*$/;

/**
 * The URL of a request target, read as a real front end reads it (RFC 9112): an
 * origin-form target is a path even when it starts with `//`, so
 * `POST //ucwa/oauth/v1/applications` is the applications collection, not a host named
 * `ucwa`. Runs of slashes collapse to one and `\` counts as `/`. An absolute-form target
 * (`http://host/path`) keeps its own path. `undefined` for a target that is neither.
 *
 * @example
 * ```ts
 * targetUrl('//ucwa/oauth/v1/applications?x=1', 'http://127.0.0.1:8080')?.pathname;
 * // '/ucwa/oauth/v1/applications'
 * ```
 */
export function targetUrl(target: string, origin: string): URL | undefined {
  // The common case, a plain origin-form path, is one URL parse.
  if (PLAIN.test(target)) {
    try {
      return new URL(`${origin}${target}`);
    } catch {
      return undefined;
    }
  }
  let path = target;
  if (!path.startsWith('/') && !path.startsWith('\\')) {
    if (!/^https?:\/\//i.test(path)) return undefined;
    try {
      const absolute = new URL(path);
      path = `${absolute.pathname}${absolute.search}`;
    } catch {
      return undefined;
    }
  }
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return undefined;
  }
  const hash = path.indexOf('#');
  if (hash !== -1) path = path.slice(0, hash);
  const query = path.indexOf('?');
  const pathname = (query === -1 ? path : path.slice(0, query)).replace(/[/\\]+/g, '/');
  url.pathname = pathname;
  url.search = query === -1 ? '' : path.slice(query);
  return url;
}
