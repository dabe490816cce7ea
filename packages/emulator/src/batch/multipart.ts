/** One HTTP request carried in a `multipart/batching` part (BatchingRequests.md). */
export interface BatchPart {
  readonly method: string;
  readonly target: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
}

function splitHead(text: string): { head: string; body: string } {
  const match = /\r?\n\r?\n/.exec(text);
  if (match === null) return { head: text, body: '' };
  return { head: text.slice(0, match.index), body: text.slice(match.index + match[0].length) };
}

function headerLines(head: string): [string, string][] {
  return head
    .split(/\r?\n/)
    .filter((line) => line.includes(':'))
    .map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
    });
}

/**
 * Parses a `multipart/batching` body into its `application/http; msgtype=request`
 * parts. Throws a `TypeError` saying what is wrong for a body that is not one.
 */
export function parseBatch(text: string, boundary: string): BatchPart[] {
  const delimiter = `--${boundary}`;
  const chunks = text.split(delimiter);
  if (chunks.length < 3) throw new TypeError(`no parts delimited by ${delimiter}`);
  const parts: BatchPart[] = [];
  for (const chunk of chunks.slice(1)) {
    if (chunk.startsWith('--')) break;
    const outer = splitHead(chunk.replace(/^\r?\n/, ''));
    const type =
      headerLines(outer.head).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
    if (!/^application\/http\b/i.test(type))
      throw new TypeError(`part of type "${type}", expected application/http`);
    const inner = splitHead(outer.body.replace(/^\r?\n/, ''));
    const [requestLine = '', ...rest] = inner.head.split(/\r?\n/);
    const line = /^([A-Za-z]+)\s+(\S+)(?:\s+HTTP\/\d(?:\.\d)?)?$/.exec(requestLine.trim());
    if (line === null) throw new TypeError(`bad request line "${requestLine}"`);
    parts.push({
      method: (line[1] as string).toUpperCase(),
      target: line[2] as string,
      headers: headerLines(rest.join('\n')),
      body: inner.body.replace(/\r?\n$/, ''),
    });
  }
  return parts;
}

/** One response to write back in a batch answer. */
export interface BatchResponsePart {
  readonly status: number;
  readonly statusText: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
}

/** Formats the `multipart/batching` answer, parts in request order. */
export function formatBatch(parts: readonly BatchResponsePart[], boundary: string): string {
  let out = '';
  for (const part of parts) {
    out += `--${boundary}\r\nContent-Type: application/http; msgtype=response\r\n\r\n`;
    out += `HTTP/1.1 ${part.status} ${part.statusText}\r\n`;
    for (const [name, value] of part.headers) out += `${name}: ${value}\r\n`;
    out += `\r\n${part.body}\r\n`;
  }
  return `${out}--${boundary}--\r\n`;
}
