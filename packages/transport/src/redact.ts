/** What replaces a secret in URLs, headers and messages. */
export const REDACTED = '[REDACTED]';

// Query parameters that may carry a secret. The transport never puts a token in a URL, but
// a server-supplied href or a caller's query could, and error messages must not echo it.
const SECRET_PARAM = /token|password|secret|renew|cwt|key|sig|auth/i;

/**
 * A URL safe to log: user info removed and the values of secret-looking query parameters
 * replaced by `[REDACTED]`. Text that does not parse as a URL is returned redacted whole.
 */
export function redactUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return REDACTED;
  }
  if (parsed.username !== '' || parsed.password !== '') {
    parsed.username = '';
    parsed.password = '';
  }
  for (const name of [...new Set(parsed.searchParams.keys())]) {
    if (SECRET_PARAM.test(name)) parsed.searchParams.set(name, REDACTED);
  }
  return parsed.href;
}

const SECRET_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization', 'set-cookie']);

/** A plain header record safe to log: `Authorization` keeps only its scheme. */
export function redactHeaders(headers: Headers): Readonly<Record<string, string>> {
  const out: Record<string, string> = Object.create(null);
  for (const [name, value] of headers) {
    if (!SECRET_HEADERS.has(name)) {
      out[name] = value;
    } else {
      const scheme = /^\S+\s/.exec(value)?.[0] ?? '';
      out[name] = `${scheme}${REDACTED}`;
    }
  }
  return out;
}
