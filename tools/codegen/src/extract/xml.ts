// A small strict XML well-formedness reader: elements, attributes, text, the five predefined
// entities and numeric character references, comments and the XML declaration. Nothing else
// (no DOCTYPE, no CDATA, no other processing instructions) is accepted.

export interface XmlElement {
  name: string;
  attrs: [string, string][];
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export class XmlError extends Error {}

const NAME_START = /[A-Za-z_:]/;
const NAME_CHAR = /[A-Za-z0-9_:.-]/;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function parseXml(text: string): XmlElement {
  let pos = 0;

  const where = (): string => {
    const before = text.slice(0, pos);
    const line = before.split('\n').length;
    const col = pos - before.lastIndexOf('\n');
    return `line ${line}, column ${col}`;
  };
  const fail = (msg: string): never => {
    throw new XmlError(`${msg} at ${where()}`);
  };
  const startsWith = (s: string): boolean => text.startsWith(s, pos);
  const skipWs = (): void => {
    while (pos < text.length && /\s/.test(text.charAt(pos))) pos++;
  };
  const readName = (): string => {
    const start = pos;
    if (!NAME_START.test(text.charAt(pos)))
      fail(`expected a name, found ${JSON.stringify(text.charAt(pos))}`);
    pos++;
    while (pos < text.length && NAME_CHAR.test(text.charAt(pos))) pos++;
    return text.slice(start, pos);
  };
  const readReference = (): string => {
    // at '&'
    const end = text.indexOf(';', pos);
    if (end < 0 || end - pos > 12) fail('unterminated entity reference');
    const body = text.slice(pos + 1, end);
    let out: string | undefined;
    if (/^#[0-9]+$/.test(body)) out = String.fromCodePoint(Number(body.slice(1)));
    else if (/^#x[0-9A-Fa-f]+$/.test(body)) out = String.fromCodePoint(parseInt(body.slice(2), 16));
    else out = ENTITIES[body];
    if (out === undefined) fail(`unknown entity &${body};`);
    pos = end + 1;
    return out ?? '';
  };
  const readComment = (): void => {
    const end = text.indexOf('-->', pos + 4);
    if (end < 0) fail('unterminated comment');
    if (text.slice(pos + 4, end).includes('--')) fail("'--' inside comment");
    pos = end + 3;
  };
  const skipMisc = (): void => {
    for (;;) {
      skipWs();
      if (startsWith('<!--')) readComment();
      else return;
    }
  };
  const readAttrValue = (): string => {
    const q = text.charAt(pos);
    if (q !== '"' && q !== "'") fail('expected a quoted attribute value');
    pos++;
    let v = '';
    for (;;) {
      if (pos >= text.length) fail('unterminated attribute value');
      const c = text.charAt(pos);
      if (c === q) {
        pos++;
        return v;
      }
      if (c === '<') fail("'<' in attribute value");
      if (c === '&') v += readReference();
      else {
        v += c;
        pos++;
      }
    }
  };
  const readElement = (): XmlElement => {
    // at '<'
    pos++;
    const name = readName();
    const attrs: [string, string][] = [];
    for (;;) {
      const hadWs = /\s/.test(text.charAt(pos));
      skipWs();
      if (startsWith('/>')) {
        pos += 2;
        return { name, attrs, children: [] };
      }
      if (startsWith('>')) {
        pos++;
        break;
      }
      if (!hadWs) fail('expected whitespace before attribute');
      const an = readName();
      skipWs();
      if (!startsWith('=')) fail(`expected '=' after attribute ${an}`);
      pos++;
      skipWs();
      const av = readAttrValue();
      if (attrs.some(([n]) => n === an)) fail(`duplicate attribute ${an}`);
      attrs.push([an, av]);
    }
    const children: XmlNode[] = [];
    let textBuf = '';
    const flushText = (): void => {
      if (textBuf !== '') children.push(textBuf);
      textBuf = '';
    };
    for (;;) {
      if (pos >= text.length) fail(`unclosed element <${name}>`);
      if (startsWith('</')) {
        pos += 2;
        const close = readName();
        if (close !== name) fail(`mismatched end tag </${close}> for <${name}>`);
        skipWs();
        if (!startsWith('>')) fail("expected '>'");
        pos++;
        flushText();
        return { name, attrs, children };
      }
      if (startsWith('<!--')) {
        readComment();
        continue;
      }
      if (startsWith('<![CDATA[')) fail('CDATA sections are not accepted');
      if (startsWith('<?')) fail('processing instruction inside element');
      if (startsWith('<')) {
        flushText();
        children.push(readElement());
        continue;
      }
      const c = text.charAt(pos);
      if (c === '&') textBuf += readReference();
      else {
        if (c === '>' && text.slice(pos - 2, pos) === ']]') fail("']]>' in text");
        textBuf += c;
        pos++;
      }
    }
  };

  if (text.charCodeAt(0) === 0xfeff) pos = 1;
  if (startsWith('<?xml')) {
    const end = text.indexOf('?>', pos);
    if (end < 0) fail('unterminated XML declaration');
    const decl = text.slice(pos + 5, end);
    if (
      !/^\s+version\s*=\s*("1\.[0-9]+"|'1\.[0-9]+')(\s+encoding\s*=\s*("[A-Za-z][\w.-]*"|'[A-Za-z][\w.-]*'))?(\s+standalone\s*=\s*("(yes|no)"|'(yes|no)'))?\s*$/.test(
        decl,
      )
    ) {
      fail('malformed XML declaration');
    }
    pos = end + 2;
  }
  skipMisc();
  if (startsWith('<!DOCTYPE')) fail('DOCTYPE is not accepted');
  if (!startsWith('<')) fail('expected the root element');
  const root = readElement();
  skipMisc();
  if (pos < text.length) fail('content after the root element');
  return root;
}

export function elementChildren(e: XmlElement): XmlElement[] {
  return e.children.filter((c): c is XmlElement => typeof c !== 'string');
}

export function attr(e: XmlElement, name: string): string | undefined {
  return e.attrs.find(([n]) => n === name)?.[1];
}

export function textOf(e: XmlElement): string {
  return e.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
