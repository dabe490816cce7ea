/** Settles a cancel quietly: the body is being dropped, its failure changes nothing. */
function drop(body: ReadableStream<Uint8Array> | ReadableStreamDefaultReader<Uint8Array>): void {
  body.cancel().catch(() => undefined);
}

/**
 * The body as UTF-8 text, or `undefined` when it is larger than `maxBytes`. A declared
 * `Content-Length` over the limit is refused before reading. One within the limit, on a
 * body sent as it is (no `Content-Encoding`), is read whole: a `fetch` delivers no more
 * than the length the server declared (an HTTP client ends the body there). Any other
 * body (chunked, compressed) is counted as it streams and reading stops as soon as more
 * than `maxBytes` have arrived, so a hostile answer (a P-GET runs without a timeout) never
 * sits in memory.
 */
export function readBoundedText(response: Response, maxBytes: number): Promise<string | undefined> {
  const { headers } = response;
  const declared = headers.get('content-length');
  const length =
    declared === null || headers.get('content-encoding') !== null ? Number.NaN : Number(declared);
  if (length > maxBytes) {
    if (response.body !== null) drop(response.body);
    return Promise.resolve(undefined);
  }
  if (Number.isSafeInteger(length) && length >= 0) return response.text();
  const { body } = response;
  return body === null ? Promise.resolve('') : readCounting(body, maxBytes);
}

/** Reads `body` chunk by chunk, giving up (and cancelling it) past `maxBytes`. */
async function readCounting(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<string | undefined> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let seen = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return decode(chunks, seen);
    seen += value.byteLength;
    if (seen > maxBytes) {
      drop(reader);
      return undefined;
    }
    chunks.push(value);
  }
}

// Used only for whole inputs (no `stream: true`), so it keeps no state between calls.
const utf8 = new TextDecoder();

/** The chunks as one UTF-8 text; at most `maxBytes` of them, so joining them is bounded. */
function decode(chunks: readonly Uint8Array[], length: number): string {
  if (chunks.length === 1 && chunks[0] !== undefined) return utf8.decode(chunks[0]);
  const whole = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  return utf8.decode(whole);
}

/** Whether `text` takes more than `maxBytes` in UTF-8, counted without encoding it. */
export function exceedsBytes(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is 4 bytes: 2 counted here for each half.
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code < 0xe000) ? 2 : 3;
    if (bytes > maxBytes) return true;
  }
  return false;
}
