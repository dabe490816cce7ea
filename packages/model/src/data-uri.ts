import { UcwaDecodeError } from './decode-error.ts';

/** A decoded `data:` URI (RFC 2397), as UCWA uses for message bodies. */
export interface DataUri {
  /** Media type essence, lower-cased; `text/plain` when the URI names none. */
  readonly mediaType: string;
  /** Parameters other than `base64`, names lower-cased (`charset`, ...). */
  readonly parameters: Readonly<Record<string, string>>;
  readonly base64: boolean;
  readonly bytes: Uint8Array;
}

const fail = (uri: string, why: string): never => {
  const shown = uri.length > 60 ? `${uri.slice(0, 60)}...` : uri;
  throw new UcwaDecodeError(`invalid data: URI ${JSON.stringify(shown)}: ${why}`, {
    problem: 'invalid-value',
    format: 'data-uri',
  });
};

function percentDecode(uri: string, text: string): Uint8Array {
  const out: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x25) {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) fail(uri, `bad percent-escape at ${i}`);
      out.push(Number.parseInt(hex, 16));
      i += 2;
    } else if (c < 0x80) {
      out.push(c);
    } else {
      // Characters a sender did not escape: take their UTF-8 bytes.
      const cp = text.codePointAt(i) ?? c;
      const ch = String.fromCodePoint(cp);
      out.push(...encoder.encode(ch));
      i += ch.length - 1;
    }
  }
  return Uint8Array.from(out);
}

function base64Decode(uri: string, text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) {
    fail(uri, 'bad base64 data');
  }
  const binary = atob(clean.padEnd(Math.ceil(clean.length / 4) * 4, '='));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Parses a `data:` URI; throws {@link UcwaDecodeError} when it is not one. */
export function parseDataUri(uri: string): DataUri {
  if (!/^data:/i.test(uri)) fail(uri, 'does not start with "data:"');
  const comma = uri.indexOf(',');
  if (comma === -1) fail(uri, 'no comma before the data');
  const header = uri.slice(5, comma).split(';');
  const data = uri.slice(comma + 1);
  const first = (header[0] ?? '').trim().toLowerCase();
  let base64 = false;
  const parameters: Record<string, string> = Object.create(null);
  for (const part of header.slice(1)) {
    const p = part.trim();
    if (p.toLowerCase() === 'base64') {
      base64 = true;
      continue;
    }
    const eq = p.indexOf('=');
    if (eq <= 0) fail(uri, `bad parameter ${JSON.stringify(p)}`);
    const name = p.slice(0, eq).toLowerCase();
    if (!Object.hasOwn(parameters, name)) parameters[name] = p.slice(eq + 1);
  }
  const mediaType = first === '' ? 'text/plain' : first;
  if (first === '' && !Object.hasOwn(parameters, 'charset')) parameters.charset = 'US-ASCII';
  if (!/^[^/\s]+\/[^/\s]+$/.test(mediaType)) fail(uri, `bad media type ${JSON.stringify(first)}`);
  const bytes = base64
    ? base64Decode(uri, percentDecodeToText(uri, data))
    : percentDecode(uri, data);
  return { mediaType, parameters, base64, bytes };
}

function percentDecodeToText(uri: string, text: string): string {
  return new TextDecoder('latin1').decode(percentDecode(uri, text));
}

/** The text of a decoded `data:` URI, in its charset (UTF-8 when it names none it can read). */
export function dataUriText(data: DataUri): string {
  const charset = (data.parameters.charset ?? 'utf-8').toLowerCase();
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset === 'us-ascii' ? 'utf-8' : charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(data.bytes);
}

/** Options for {@link formatDataUri}. */
export interface FormatDataUriOptions {
  /** Default `text/plain`. */
  readonly mediaType?: string;
  /** Default `utf-8` for text. */
  readonly charset?: string;
  /** Base64 instead of percent-encoding. Default false. */
  readonly base64?: boolean;
}

/** Encodes text (as UTF-8) or bytes as a `data:` URI. */
export function formatDataUri(
  content: string | Uint8Array,
  options: FormatDataUriOptions = {},
): string {
  const mediaType = options.mediaType ?? 'text/plain';
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const charset = options.charset ?? (typeof content === 'string' ? 'utf-8' : undefined);
  const head = `data:${mediaType}${charset === undefined ? '' : `;charset=${charset}`}`;
  if (options.base64 === true) {
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    return `${head};base64,${btoa(binary)}`;
  }
  let out = '';
  for (const b of bytes) {
    const ch = String.fromCharCode(b);
    out +=
      b < 0x80 && /[A-Za-z0-9\-_.!~*'()]/.test(ch)
        ? ch
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return `${head},${out}`;
}
