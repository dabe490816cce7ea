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

/** The forms a secret may take when a server echoes it: as sent, URL- and form-encoded. */
function formsOf(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret)]);
  forms.add(new URLSearchParams({ s: secret }).toString().slice(2));
  return [...forms];
}

/**
 * `text` with every secret (the bearer token, a password) replaced by `[REDACTED]`, also
 * when it appears URL- or form-encoded. For server text the transport repeats: a server
 * may echo what it was sent.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret === '' || !mayContain(out, secret)) continue;
    for (const form of formsOf(secret)) out = out.replaceAll(form, REDACTED);
  }
  return out;
}

/** A cheap pre-check: every form of a secret contains its first alphanumeric run. */
function mayContain(text: string, secret: string): boolean {
  const core = /[A-Za-z0-9]+/.exec(secret)?.[0];
  return core === undefined || text.includes(core);
}

/** A copy of decoded server data (plain objects, arrays, strings) with secrets redacted. */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') return redactSecrets(item, secrets);
    if (Array.isArray(item)) return item.map(walk);
    if (item === null || typeof item !== 'object') return item;
    const out: Record<string, unknown> = Object.create(null);
    for (const [key, inner] of Object.entries(item)) out[redactSecrets(key, secrets)] = walk(inner);
    return out;
  };
  return walk(value) as T;
}

/** `headers` with secrets redacted from every value (a copy only when one was found). */
export function redactHeaderValues(headers: Headers, secrets: readonly string[]): Headers {
  let copy: Headers | undefined;
  for (const [name, value] of headers) {
    const clean = redactSecrets(value, secrets);
    if (clean === value) continue;
    copy ??= new Headers(headers);
    copy.set(name, clean);
  }
  return copy ?? headers;
}
