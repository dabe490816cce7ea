import type { EntityDecoderOptions } from 'fast-xml-parser';

/**
 * A character reference the entity decoder refused. fast-xml-parser calls the decoder
 * without telling where the text is, so this carries the reference itself and the
 * parser wrapper turns it into a `UcwaDecodeError` positioned on its first occurrence.
 */
export class EntityFault extends Error {
  override readonly name = 'EntityFault';
  readonly reference: string;
  readonly problem: 'entity' | 'malformed';

  constructor(message: string, reference: string, problem: 'entity' | 'malformed') {
    super(message);
    this.reference = reference;
    this.problem = problem;
  }
}

/** The five entities XML predefines; UCWA never declares others (no DOCTYPE). */
const PREDEFINED: ReadonlyMap<string, string> = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

const NUMERIC = /^#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}))$/;

/** Whether a code point is an XML 1.0 `Char` (tab, newline, CR and the usual ranges). */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

function resolve(reference: string): string {
  const named = PREDEFINED.get(reference);
  if (named !== undefined) return named;
  const numeric = NUMERIC.exec(reference);
  if (numeric === null) {
    throw new EntityFault(
      `unknown entity &${reference};: only the five XML entities and character references are allowed`,
      `&${reference};`,
      'entity',
    );
  }
  const code = numeric[1] === undefined ? Number(numeric[2]) : Number.parseInt(numeric[1], 16);
  if (!isXmlChar(code)) {
    throw new EntityFault(`&${reference}; is not an XML character`, `&${reference};`, 'malformed');
  }
  return String.fromCodePoint(code);
}

/** Replaces the references in one text or attribute value; a bare `&` is an error. */
function decodeReferences(text: string): string {
  let amp = text.indexOf('&');
  if (amp === -1) return text;
  let out = '';
  let from = 0;
  while (amp !== -1) {
    const semi = text.indexOf(';', amp + 1);
    // The longest legal reference is `&#x10FFFF;` or `&#1114111;` (10 characters).
    if (semi === -1 || semi - amp > 10) {
      const shown = text.slice(amp, amp + 10);
      throw new EntityFault(`"&" must start a reference (write &amp;)`, shown, 'malformed');
    }
    out += text.slice(from, amp) + resolve(text.slice(amp + 1, semi));
    from = semi + 1;
    amp = text.indexOf('&', from);
  }
  return out + text.slice(from);
}

/**
 * The entity decoder handed to fast-xml-parser in place of its own, whose defaults leave
 * character references undecoded and accept entities a DOCTYPE declares. Stateless, so
 * one instance serves every parse.
 */
export const entityDecoder: EntityDecoderOptions = Object.freeze({
  setExternalEntities(): void {},
  addInputEntities(entities: Record<string, string>): void {
    // Never reached: documents with a DOCTYPE are refused before parsing. Kept as a
    // second wall in case the preflight check is ever loosened.
    if (Object.keys(entities).length > 0) {
      throw new EntityFault('entity declarations are not allowed', '<!ENTITY', 'entity');
    }
  },
  reset(): void {},
  setXmlVersion(): void {},
  decode: decodeReferences,
});
