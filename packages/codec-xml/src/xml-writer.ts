import { isForbiddenName } from '@ucwa/model/codec';

/**
 * Text XML 1.0 cannot carry at all, not even as a character reference: C0 controls
 * other than tab, newline and CR, lone surrogates, U+FFFE and U+FFFF.
 */
const UNREPRESENTABLE = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

const TEXT_SPECIAL = /[&<>\r]/;
const ATTRIBUTE_SPECIAL = /[&<>"'\t\n\r]/;

const REPLACEMENTS: { readonly [char: string]: string } = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // A parser turns raw CR and CRLF into LF, and whitespace in attributes into spaces;
  // references survive both, so every string decodes back to itself.
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;',
};

function replace(char: string): string {
  return REPLACEMENTS[char] ?? char;
}

function checkRepresentable(value: string): void {
  if (UNREPRESENTABLE.test(value)) {
    throw new TypeError(`cannot encode ${JSON.stringify(value.slice(0, 40))} in XML 1.0`);
  }
}

/** Escapes element content: `&`, `<`, `>` and CR. */
export function escapeText(value: string): string {
  checkRepresentable(value);
  return TEXT_SPECIAL.test(value) ? value.replace(/[&<>\r]/g, replace) : value;
}

/** Escapes an attribute value (written in double quotes): also quotes, tab, newline. */
function escapeAttribute(value: string): string {
  checkRepresentable(value);
  return ATTRIBUTE_SPECIAL.test(value) ? value.replace(/[&<>"'\t\n\r]/g, replace) : value;
}

/** ` name="value"`, escaped. */
export function attribute(name: string, value: string): string {
  return ` ${name}="${escapeAttribute(value)}"`;
}

/** Model names become keys when decoded again; the contract refuses the prototype names. */
export function checkEncodableName(name: string): void {
  if (isForbiddenName(name)) throw new TypeError(`cannot encode the name ${JSON.stringify(name)}`);
}

export const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';
