import { UcwaDecodeError } from '@ucwa/model';
import { type X2jOptions, XMLParser } from 'fast-xml-parser';
import { EntityFault, entityDecoder } from './entities.ts';
import { isForbiddenName } from './forbidden-names.ts';
import { type Limits, MAX_DEPTH_CEILING } from './options.ts';
import { positionAt } from './position.ts';
import { fail, refuseDeclarations, scanMarkup } from './preflight.ts';
import { nameOf, type XmlNode } from './xml-tree.ts';

const keep = <T>(_name: string, value: T): T => value;

/**
 * Every fast-xml-parser option, pinned (STYLE.md habit 4): the library's defaults drop
 * attributes, guess numbers and booleans, trim text and read DOCTYPE entities, each of
 * which would corrupt UCWA data. test/parser-options.test.ts asserts this object.
 */
export const parserOptions: Readonly<X2jOptions> = Object.freeze({
  // Document order matters: senders, events and repeated links keep their order, and an
  // element's children come as one list instead of being grouped by name.
  preserveOrder: true,
  // Attributes land in a separate `:@` object with preserveOrder, so no prefix is needed
  // to keep them apart from children; with none, the parser itself refuses `__proto__`,
  // `constructor` and `prototype` as attribute names instead of writing them.
  ignoreAttributes: false,
  attributeNamePrefix: '',
  attributesGroupName: false,
  allowBooleanAttributes: false,
  textNodeName: '#text',
  removeNSPrefix: false,
  // No value guessing: the catalog decides what is a number, boolean or date.
  parseTagValue: false,
  parseAttributeValue: false,
  numberParseOptions: { hex: false, leadingZeros: false, eNotation: false },
  tagValueProcessor: keep,
  attributeValueProcessor: keep,
  // Whitespace in message text and property values is data.
  trimValues: false,
  alwaysCreateTextNode: false,
  cdataPropName: false,
  commentPropName: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Only the five XML entities and character references, decoded by our own decoder;
  // DOCTYPEs are refused before parsing, so no declared entity is ever expanded.
  processEntities: {
    enabled: true,
    maxEntitySize: 1,
    maxExpansionDepth: 1,
    maxTotalExpansions: 1,
    maxExpandedLength: 1,
    maxEntityCount: 1,
    allowedTags: null,
    tagFilter: null,
  },
  htmlEntities: false,
  entityDecoder,
  stopNodes: [],
  unpairedTags: [],
  isArray: () => false,
  transformTagName: false,
  transformAttributeName: false,
  updateTag: (tagName: string) => tagName,
  captureMetaData: false,
  // The preflight scan enforces the caller's maxDepth first; this is the backstop.
  maxNestedTags: MAX_DEPTH_CEILING,
  strictReservedNames: true,
  // Callbacks get the live matcher instead of a path string built for every tag.
  jPath: false,
  // Keys of the parser's output never leave this package and no method is ever called
  // on them, so names such as `toString` stay as they are.
  onDangerousProperty: (name: string) => name,
});

const parser = new XMLParser(parserOptions);

/** A parsed document: its root element and the text positions are computed from. */
export interface ParsedDocument {
  readonly text: string;
  /** fast-xml-parser's top-level nodes; the root element is among them. */
  readonly top: readonly XmlNode[];
  readonly root: XmlNode;
  readonly rootName: string;
}

/**
 * Size check, DOCTYPE/ENTITY refusal and the markup scan (which also checks the root
 * element is one of `roots`), then fast-xml-parser. Anything
 * the parser throws becomes a `UcwaDecodeError`, so callers see nothing else.
 */
export function parseDocument(
  input: unknown,
  limits: Limits,
  roots: readonly string[],
): ParsedDocument {
  if (typeof input !== 'string') {
    throw new UcwaDecodeError('expected the document as a string', {
      problem: 'malformed',
      format: 'xml',
    });
  }
  checkSize(input, limits.maxBytes);
  // A byte order mark survives some decoders (TextDecoder with ignoreBOM, Buffer#toString).
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  refuseDeclarations(text);
  scanMarkup(text, limits.maxDepth, -1, roots);
  let top: XmlNode[];
  try {
    top = parser.parse(text) as XmlNode[];
  } catch (error) {
    throw fromParserError(error, text);
  }
  for (const node of top) {
    const name = nameOf(node);
    if (name !== '#text') return { text, top, root: node, rootName: name };
  }
  return fail(text, 0, 'malformed', 'no root element');
}

/** UTF-8 length, counted only when the UTF-16 length leaves any doubt. */
function checkSize(text: string, maxBytes: number): void {
  if (text.length * 3 <= maxBytes) return;
  let bytes = text.length;
  if (bytes <= maxBytes) {
    for (let i = 0; i < text.length && bytes <= maxBytes; i++) {
      const c = text.charCodeAt(i);
      // Two UTF-16 units of a surrogate pair make 4 bytes: 1 + 1 counted, + 1 each.
      if (c >= 0x80) bytes += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
    }
  }
  if (bytes > maxBytes) {
    throw new UcwaDecodeError(`the document is larger than ${maxBytes} bytes`, {
      problem: 'too-large',
      format: 'xml',
    });
  }
}

function fromParserError(error: unknown, text: string): UcwaDecodeError {
  if (error instanceof UcwaDecodeError) return error;
  if (error instanceof EntityFault) {
    const at = text.indexOf(error.reference);
    return new UcwaDecodeError(error.message, {
      problem: error.problem,
      format: 'xml',
      ...(at === -1 ? {} : { position: positionAt(text, at) }),
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  const name = /\[SECURITY\].*"([^"]*)"/.exec(message)?.[1];
  if (name !== undefined && isForbiddenName(name)) {
    const at = text.search(new RegExp(`\\s${name}\\s*=`));
    return new UcwaDecodeError(`attribute name ${name} is not allowed`, {
      problem: 'forbidden-name',
      format: 'xml',
      ...(at === -1 ? {} : { position: positionAt(text, at + 1) }),
      cause: error,
    });
  }
  return new UcwaDecodeError(`malformed XML: ${message}`, {
    problem: 'malformed',
    format: 'xml',
    cause: error,
  });
}
