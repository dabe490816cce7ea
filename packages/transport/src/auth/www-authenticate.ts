/** One challenge of a `WWW-Authenticate` header (RFC 9110 §11.6.1). */
export interface Challenge {
  /** The scheme, as sent (`MsRtcOAuth`, `Bearer`, `Negotiate`). */
  readonly scheme: string;
  /** Auth parameters by lower-cased name, values unquoted. */
  readonly params: Readonly<Record<string, string>>;
  /** A token68 (`Negotiate abc==`), when the challenge carried one instead of parameters. */
  readonly token68?: string;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/;

interface Cursor {
  text: string;
  at: number;
}

function skip(cursor: Cursor, pattern: RegExp): void {
  const match = pattern.exec(cursor.text.slice(cursor.at));
  if (match !== null) cursor.at += match[0].length;
}

function readToken(cursor: Cursor): string | undefined {
  const match = TOKEN.exec(cursor.text.slice(cursor.at));
  if (match === null) return undefined;
  cursor.at += match[0].length;
  return match[0];
}

/** A quoted string, or (leniently, as MsRtcOAuth sends `href=https://...`) text up to a comma. */
function readValue(cursor: Cursor): string {
  const rest = cursor.text.slice(cursor.at);
  if (rest.startsWith('"')) {
    const match = /^"((?:[^"\\]|\\.)*)"?/.exec(rest);
    const raw = match?.[0] ?? '"';
    cursor.at += raw.length;
    return (match?.[1] ?? '').replace(/\\(.)/g, '$1');
  }
  const match = /^[^,\s]*/.exec(rest);
  cursor.at += match?.[0].length ?? 0;
  return match?.[0] ?? '';
}

/** Whether the cursor is at `name =` (a parameter) rather than a new scheme. */
function atParam(cursor: Cursor): boolean {
  return /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\s*=(?!=*\s*(,|$))/.test(cursor.text.slice(cursor.at));
}

function readChallenge(cursor: Cursor, scheme: string): Challenge {
  const params: Record<string, string> = Object.create(null);
  skip(cursor, /^[ \t]*/);
  const token68 = /^[A-Za-z0-9._~+/-]+=*(?=\s*(,|$))/.exec(cursor.text.slice(cursor.at));
  if (token68 !== null && !atParam(cursor)) {
    cursor.at += token68[0].length;
    return { scheme, params, token68: token68[0] };
  }
  while (cursor.at < cursor.text.length && atParam(cursor)) {
    const name = (readToken(cursor) ?? '').toLowerCase();
    skip(cursor, /^\s*=\s*/);
    const value = readValue(cursor);
    if (!Object.hasOwn(params, name)) params[name] = value;
    skip(cursor, /^[\s,]*/);
  }
  return { scheme, params };
}

/**
 * Parses every challenge in one or more `WWW-Authenticate` values. `Headers.get` joins
 * repeated headers with `, `, so challenges are split where a new scheme begins, not at
 * every comma (a quoted `grant_type` list holds commas).
 *
 * @example
 * ```ts
 * parseWwwAuthenticate('MsRtcOAuth href=https://contoso.com/WebTicket/oauthtoken,grant_type="urn:microsoft.rtc:windows,password"');
 * // [{ scheme: 'MsRtcOAuth', params: { href: 'https://...', grant_type: 'urn:...,password' } }]
 * ```
 */
export function parseWwwAuthenticate(header: string | null): Challenge[] {
  if (header === null) return [];
  const cursor: Cursor = { text: header, at: 0 };
  const challenges: Challenge[] = [];
  while (cursor.at < cursor.text.length) {
    skip(cursor, /^[\s,]*/);
    const scheme = readToken(cursor);
    if (scheme === undefined) break;
    challenges.push(readChallenge(cursor, scheme));
  }
  return challenges;
}

/** The MsRtcOAuth challenge: where to get a token and which grants the server takes. */
export interface MsRtcOAuthChallenge {
  /** The token endpoint (`href`). */
  readonly href: string;
  /** `grant_type` split at commas. */
  readonly grantTypes: readonly string[];
}

/** Finds the MsRtcOAuth challenge among `challenges` (scheme compared case-insensitively). */
export function findMsRtcOAuth(challenges: readonly Challenge[]): MsRtcOAuthChallenge | undefined {
  const found = challenges.find((c) => c.scheme.toLowerCase() === 'msrtcoauth');
  const href = found?.params.href;
  if (found === undefined || href === undefined || href === '') return undefined;
  const grantTypes = (found.params.grant_type ?? '')
    .split(',')
    .map((grant) => grant.trim())
    .filter((grant) => grant !== '');
  return { href, grantTypes };
}

/** The Bearer challenge's parameters (`trusted_issuers`, `client_id`, `authorization_uri`). */
export function findBearer(
  challenges: readonly Challenge[],
): Readonly<Record<string, string>> | undefined {
  return challenges.find((c) => c.scheme.toLowerCase() === 'bearer')?.params;
}
