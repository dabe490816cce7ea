/** Settles a cancel quietly: the body is being dropped, its failure changes nothing. */
function drop(body: ReadableStream<Uint8Array> | ReadableStreamDefaultReader<Uint8Array>): void {
  body.cancel().catch(() => undefined);
}

/**
 * The body as UTF-8 text, or `undefined` when it is larger than `maxBytes`. A declared
 * `Content-Length` over the limit is refused before reading; otherwise reading stops as
 * soon as more than `maxBytes` have arrived and the rest is cancelled, so a hostile answer
 * (a P-GET runs without a timeout) never sits in memory. The stream is counted whatever
 * the headers say: a custom `fetch` may hand over a body longer than its `Content-Length`.
 */
export async function readBoundedText(
  response: Response,
  maxBytes: number,
): Promise<string | undefined> {
  const { body } = response;
  if (body === null) return '';
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes && response.headers.get('content-encoding') === null) {
    drop(body);
    return undefined;
  }
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let seen = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    seen += value.byteLength;
    if (seen > maxBytes) {
      drop(reader);
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
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
