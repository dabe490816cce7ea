/** One HTTP message inside a `multipart/batching` body. */
export interface HttpMessagePart {
  /** `GET /path HTTP/1.1` or `HTTP/1.1 200 OK`. */
  readonly startLine: string;
  readonly headers: Headers;
  readonly body: string;
}

const CRLF = '\r\n';

/** Writes one `application/http` message. */
export function writeHttpMessage(part: HttpMessagePart): string {
  const lines = [part.startLine];
  for (const [name, value] of part.headers) lines.push(`${name}: ${value}`);
  return `${lines.join(CRLF)}${CRLF}${CRLF}${part.body}`;
}

/** A `multipart/batching` body with one `application/http; msgtype=...` part per message. */
export function writeMultipart(
  boundary: string,
  msgtype: 'request' | 'response',
  messages: readonly string[],
): string {
  const parts = messages.map(
    (message) =>
      `--${boundary}${CRLF}Content-Type: application/http; msgtype=${msgtype}${CRLF}${CRLF}${message}${CRLF}`,
  );
  return `${parts.join('')}--${boundary}--${CRLF}`;
}

/** Splits header lines from a body at the first empty line (CRLF or LF). */
function splitHead(text: string): { head: string[]; body: string } {
  const match = /\r?\n\r?\n/.exec(text);
  if (match === null) return { head: text.split(/\r?\n/), body: '' };
  return {
    head: text.slice(0, match.index).split(/\r?\n/),
    body: text.slice(match.index + match[0].length),
  };
}

function readHeaders(lines: readonly string[]): Headers {
  const headers = new Headers();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** Parses one `application/http` message; a leading BOM or `?` before a body is dropped. */
export function readHttpMessage(text: string): HttpMessagePart {
  const { head, body } = splitHead(text.replace(/^(\r?\n)+/, ''));
  const [startLine = '', ...headerLines] = head;
  return {
    startLine: startLine.trim(),
    headers: readHeaders(headerLines),
    body: body.replace(/^\uFEFF/, '').replace(/(\r?\n)+$/, ''),
  };
}

/**
 * The messages of a multipart body, in order: each part's own headers are skipped and its
 * content (the embedded HTTP message) returned.
 */
export function readMultipart(text: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const pieces = text.split(delimiter);
  const messages: string[] = [];
  for (const piece of pieces.slice(1)) {
    if (piece.startsWith('--')) break;
    const { body } = splitHead(piece.replace(/^[ \t]*\r?\n/, ''));
    messages.push(body);
  }
  return messages;
}
