// Example HTTP messages and event samples: split start line / headers / body, repair, validate.

import { parseFences } from './md.ts';
import {
  decodeHtmlEntities,
  fixSpacesAroundColon,
  joinBrokenStringLines,
  looksEntityEscapedJson,
  looksEntityEscapedXml,
} from './repair.ts';
import type { Example } from './types.ts';
import { parseXml } from './xml.ts';

const HEADER = /^\s*([A-Za-z][A-Za-z0-9-]*)\s*:\s*(.*?)\s*$/;
const BODY_START = /^\s*(\{|\[|<|&lt;)/;

function trimBlank(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && (lines[a] ?? '').trim() === '') a++;
  while (b > a && (lines[b - 1] ?? '').trim() === '') b--;
  return lines.slice(a, b);
}

/** Validates (and, where the damage is known, repairs) one body. */
export function checkBody(
  format: 'json' | 'xml',
  raw: string,
): Pick<Example, 'body' | 'status' | 'repairs' | 'problem'> {
  const repairs: string[] = [];
  let text = raw;
  if (format === 'json') {
    if (looksEntityEscapedJson(text)) {
      const r = decodeHtmlEntities(text);
      if (r.changed) {
        text = r.text;
        repairs.push('html-entities');
      }
    }
    const joined = joinBrokenStringLines(text);
    if (joined.changed) {
      text = joined.text;
      repairs.push('broken-string-line');
    }
    const colon = fixSpacesAroundColon(text);
    if (colon.changed) {
      text = colon.text;
      repairs.push('spaces-around-colon');
    }
    try {
      JSON.parse(text);
    } catch (e) {
      return { body: text, status: 'unusable', repairs, problem: `JSON: ${(e as Error).message}` };
    }
  } else {
    if (text !== text.trimStart()) {
      text = text.trimStart();
      repairs.push('leading-whitespace');
    }
    if (looksEntityEscapedXml(text)) {
      const r = decodeHtmlEntities(text);
      if (r.changed) {
        text = r.text;
        repairs.push('html-entities');
      }
    }
    try {
      parseXml(text);
    } catch (e) {
      return { body: text, status: 'unusable', repairs, problem: `XML: ${(e as Error).message}` };
    }
  }
  return repairs.length > 0
    ? { body: text, status: 'repaired', repairs }
    : { body: text, status: 'verbatim', repairs };
}

/** The body's format from its first character, else the format named by the heading. */
function bodyFormat(body: string, fallback: 'json' | 'xml'): 'json' | 'xml' {
  const t = body.trimStart();
  if (t.startsWith('{') || t.startsWith('[')) return 'json';
  if (t.startsWith('<') || t.startsWith('&lt;')) return 'xml';
  return fallback;
}

/** One HTTP message as printed in a fenced example block. */
export function parseHttpExample(
  blockLines: string[],
  kind: 'request' | 'response',
  format: 'json' | 'xml',
): Example {
  const lines = trimBlank(blockLines);
  // A few blocks show only the body, without a start line or headers.
  const bare = BODY_START.test(lines[0] ?? '');
  const startLine = bare ? '' : (lines[0] ?? '').trim();
  const headers: [string, string][] = [];
  let i = bare ? 0 : 1;
  for (; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (l.trim() === '') {
      i++;
      break;
    }
    const m = HEADER.exec(l);
    if (!m || m[1] === undefined || m[2] === undefined) break;
    headers.push([m[1], m[2]]);
  }
  const bodyLines = trimBlank(lines.slice(i));
  if (bodyLines.length === 0) {
    return { kind, format, startLine, headers, body: null, status: 'verbatim', repairs: [] };
  }
  const raw = bodyLines.join('\n');
  const ct = headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1];
  const mediaType = ct?.split(';')[0]?.trim().toLowerCase();
  if (mediaType === undefined || /[+/](json|xml)$/.test(mediaType)) {
    const ex: Example = { kind, format, startLine, headers, ...checkBody(format, raw) };
    if (mediaType !== undefined) ex.mediaType = mediaType;
    return ex;
  }
  return {
    kind,
    format,
    startLine,
    headers,
    mediaType,
    opaque: true,
    ...checkOpaque(mediaType, raw),
  };
}

/** Bodies that are neither JSON nor XML (SDP, multipart batches, images, text): not parsed, only damage-checked. */
function checkOpaque(
  mediaType: string,
  raw: string,
): Pick<Example, 'body' | 'status' | 'repairs' | 'problem'> {
  if (mediaType.startsWith('multipart/') && /<BR>/i.test(raw)) {
    return {
      body: raw,
      status: 'unusable',
      repairs: [],
      problem: `${mediaType}: line breaks were converted to <BR> and spaces lost`,
    };
  }
  if (mediaType === 'application/sdp' && !raw.includes('\n') && /^v=0o=/.test(raw)) {
    return {
      body: raw,
      status: 'unusable',
      repairs: [],
      problem: `${mediaType}: line breaks lost (SDP lines run together)`,
    };
  }
  return { body: raw, status: 'verbatim', repairs: [] };
}

/** The "Sample of returned event data" that follows an events table (fenced or not). */
export function parseEventSample(sectionLines: string[]): Example | undefined {
  const at = sectionLines.findIndex((l) => /sample of returned event data/i.test(l));
  if (at < 0) return undefined;
  const after = sectionLines.slice(at + 1);
  const fence = parseFences(after)[0];
  let bodyLines: string[];
  if (fence) {
    bodyLines = trimBlank(fence.lines);
  } else {
    const start = after.findIndex((l) => /^\s*(\{|\[|<|&lt;)/.test(l));
    if (start < 0) return undefined;
    bodyLines = trimBlank(after.slice(start));
  }
  if (bodyLines.length === 0) return undefined;
  const raw = bodyLines.join('\n');
  const format = bodyFormat(raw, 'json');
  return { kind: 'event', format, startLine: '', headers: [], ...checkBody(format, raw) };
}
