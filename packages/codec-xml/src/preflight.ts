import { isForbiddenName } from '@ucwa/model/codec';
import { fail } from './fail.ts';
import { inText, positionAt } from './position.ts';

/**
 * What fast-xml-parser does not check, checked in one pass before it runs: it pops any
 * closing tag without comparing names and accepts truncated documents, so this scan
 * refuses mismatched or unclosed elements, a second root, text outside the root, any
 * `<!` other than a comment or CDATA, forbidden element names and nesting deeper than
 * `maxDepth`. It reads markup only (with `indexOf`), never builds text, and keeps a
 * stack of open names instead of recursing, so deep input cannot blow the call stack.
 *
 * With `stopAt` set it returns the offset of that start tag (counted from 0 in document
 * order) instead; error positions are found that way, only when an error happens.
 * `roots`, when given, are the root element names accepted: another root is refused
 * before the parser spends any time on the document.
 */
export function scanMarkup(
  text: string,
  maxDepth: number,
  stopAt = -1,
  roots?: readonly string[],
): number {
  const open: string[] = [];
  let elements = 0;
  let last = 0;
  let lt = text.indexOf('<');
  while (lt !== -1) {
    if (open.length === 0) outsideRoot(text, last, lt);
    const next = text.charCodeAt(lt + 1);
    if (next === 0x2f) last = closeTag(text, lt, open);
    else if (next === 0x3f) last = skipPast(text, lt + 2, '?>', 'processing instruction');
    else if (next === 0x21) last = skipDeclaration(text, lt, open.length);
    else {
      if (open.length === 0 && elements > 0)
        fail('malformed', 'a second root element', inText(text, lt));
      if (elements === stopAt) return lt;
      elements++;
      last = startTag(text, lt, open, maxDepth);
      if (elements === 1 && roots !== undefined) checkRoot(text, lt, roots);
    }
    lt = text.indexOf('<', last);
  }
  if (open.length > 0)
    fail('malformed', `<${open[open.length - 1]}> is not closed`, inText(text, text.length));
  if (elements === 0) fail('malformed', 'no root element', inText(text, 0));
  outsideRoot(text, last, text.length);
  return -1;
}

/**
 * Refuses what the reference never sends and what would let a DTD expand entities,
 * anywhere in the text (comments and CDATA included). One pass: UCWA documents rarely
 * hold `<!` at all.
 */
export function refuseDeclarations(text: string): void {
  let at = text.indexOf('<!');
  while (at !== -1) {
    if (text.startsWith('DOCTYPE', at + 2))
      fail('doctype', 'a DOCTYPE is not allowed', inText(text, at));
    if (text.startsWith('ENTITY', at + 2))
      fail('entity', 'an entity declaration is not allowed', inText(text, at));
    at = text.indexOf('<!', at + 2);
  }
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

function outsideRoot(text: string, from: number, to: number): void {
  if (!isBlank(text, from, to))
    fail('malformed', 'text outside the root element', inText(text, from));
}

function skipPast(text: string, from: number, end: string, what: string): number {
  const at = text.indexOf(end, from);
  if (at === -1) fail('malformed', `${what} is not closed`, inText(text, from - 2));
  return at + end.length;
}

function skipDeclaration(text: string, lt: number, depth: number): number {
  if (text.startsWith('--', lt + 2)) return skipPast(text, lt + 4, '-->', 'comment');
  if (depth > 0 && text.startsWith('[CDATA[', lt + 2))
    return skipPast(text, lt + 9, ']]>', 'CDATA');
  return fail('malformed', 'unexpected "<!"', inText(text, lt));
}

function closeTag(text: string, lt: number, open: string[]): number {
  const gt = text.indexOf('>', lt + 2);
  if (gt === -1) fail('malformed', 'closing tag is not closed', inText(text, lt));
  const name = open.pop();
  if (name === undefined)
    fail('malformed', 'closing tag without an open element', inText(text, lt));
  if (!text.startsWith(name, lt + 2) || !isBlank(text, lt + 2 + name.length, gt)) {
    fail('malformed', `expected </${name}>`, inText(text, lt));
  }
  return gt + 1;
}

/** XML name start characters, approximated: ASCII letters, `_`, and non-ASCII letters. */
function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c >= 0xc0;
}

function isNameEnd(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x0a ||
    c === 0x09 ||
    c === 0x0d ||
    c === 0x3e ||
    c === 0x2f ||
    Number.isNaN(c)
  );
}

function startTag(text: string, lt: number, open: string[], maxDepth: number): number {
  if (!isNameStart(text.charCodeAt(lt + 1)))
    fail('malformed', '"<" must start a tag (write &lt;)', inText(text, lt));
  let end = lt + 2;
  while (!isNameEnd(text.charCodeAt(end))) end++;
  const name = text.slice(lt + 1, end);
  if (isForbiddenName(name))
    fail('forbidden-name', `element name ${name} is not allowed`, inText(text, lt));
  const gt = tagEnd(text, end);
  if (gt === -1) fail('malformed', `<${name}> is not closed`, inText(text, lt));
  const selfClosing = text.charCodeAt(gt - 1) === 0x2f;
  if (open.length + 1 > maxDepth)
    fail('too-deep', `elements nest deeper than ${maxDepth}`, inText(text, lt));
  if (!selfClosing) open.push(name);
  return gt + 1;
}

/** The `>` ending a start tag, skipping quoted attribute values; -1 when there is none. */
function tagEnd(text: string, from: number): number {
  const length = text.length;
  for (let i = from; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3e) return i;
    if (c === 0x22 || c === 0x27) {
      i = text.indexOf(c === 0x22 ? '"' : "'", i + 1);
      if (i === -1) return -1;
    } else if (c === 0x3c) {
      return -1;
    }
  }
  return -1;
}

function checkRoot(text: string, lt: number, roots: readonly string[]): void {
  let end = lt + 1;
  while (!isNameEnd(text.charCodeAt(end))) end++;
  const name = text.slice(lt + 1, end);
  if (roots.includes(name)) return;
  fail('wrong-root', `expected <${roots.join('> or <')}>, got <${name}>`, {
    path: `/${name}`,
    position: positionAt(text, lt),
  });
}
