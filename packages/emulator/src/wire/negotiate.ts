import { matchesMediaType } from '@ucwa/model';
import type { WireCodec } from './codec.ts';

/** The two codecs and the format used when `Accept` does not choose. */
export interface CodecTable {
  readonly json: WireCodec;
  readonly xml: WireCodec;
  readonly defaultFormat: 'json' | 'xml';
}

interface AcceptEntry {
  readonly type: string;
  readonly q: number;
  readonly index: number;
}

function entries(accept: string): AcceptEntry[] {
  return accept
    .split(',')
    .map((part, index) => {
      const q = /;\s*q\s*=\s*([0-9.]+)/i.exec(part);
      const value = q ? Number(q[1]) : 1;
      return {
        type: part.split(';')[0]?.trim().toLowerCase() ?? '',
        q: Number.isFinite(value) ? value : 0,
        index,
      };
    })
    .filter((e) => e.type !== '');
}

/** Whether an `Accept` header refuses everything (every type it names has q=0): 406. */
export function acceptsNothing(accept: string | null): boolean {
  if (accept === null) return false;
  const list = entries(accept);
  return list.length > 0 && list.every((e) => e.q <= 0);
}

/**
 * The codec a response is written with: the first `Accept` entry (by q-value) that a
 * codec serves, else the default format (for a missing `Accept` or `*\/*`).
 */
export function codecForAccept(accept: string | null, table: CodecTable): WireCodec {
  const fallback = table[table.defaultFormat];
  if (accept === null || accept.trim() === '') return fallback;
  const sorted = entries(accept)
    .filter((e) => e.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of sorted) {
    if (table.json.mediaTypes.includes(entry.type)) return table.json;
    if (table.xml.mediaTypes.includes(entry.type)) return table.xml;
    if (entry.type === '*/*' || entry.type === 'application/*') return fallback;
  }
  return fallback;
}

/**
 * The content type a codec answers with: the type the client named if the codec serves
 * it, else the generic one, `application/json` or `application/xml` (PayloadFormat.md:
 * the vendor types are for clients that ask for them).
 */
export function contentTypeFor(codec: WireCodec, accept: string | null): string {
  const wanted = (accept ?? '')
    .split(',')
    .map((part) => part.split(';')[0]?.trim().toLowerCase() ?? '')
    .find((type) => codec.mediaTypes.includes(type));
  const generic = codec.format === 'json' ? 'application/json' : 'application/xml';
  return `${wanted ?? generic}; charset=utf-8`;
}

/** The codec that reads a body of `contentType`, or `undefined` for other types. */
export function codecForContentType(
  contentType: string | null,
  table: CodecTable,
): WireCodec | undefined {
  if (contentType === null) return undefined;
  if (matchesMediaType(contentType, table.json.mediaTypes)) return table.json;
  if (matchesMediaType(contentType, table.xml.mediaTypes)) return table.xml;
  return undefined;
}
