import { isUcwaDecodeError } from '@ucwa/model';
import {
  type DecodeLimits,
  exceedsMaxBytes,
  isForbiddenName,
  MAX_DEPTH_CEILING,
} from '@ucwa/model/codec';
import { type X2jOptions, XMLParser } from 'fast-xml-parser';
import { EntityFault, entityDecoder } from './entities.ts';
import { fail } from './fail.ts';
import { inText, positionAt } from './position.ts';
import { refuseDeclarations, scanMarkup } from './preflight.ts';
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
  limits: DecodeLimits,
  roots: readonly string[],
): ParsedDocument {
  if (typeof input !== 'string') fail('malformed', 'expected the document as a string');
  if (exceedsMaxBytes(input, limits.maxBytes)) {
    fail('too-large', `the document is larger than ${limits.maxBytes} bytes`);
  }
  // A byte order mark survives some decoders (TextDecoder with ignoreBOM, Buffer#toString).
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  refuseDeclarations(text);
  scanMarkup(text, limits.maxDepth, -1, roots);
  let top: XmlNode[];
  try {
    top = parser.parse(text) as XmlNode[];
  } catch (error) {
    return refuseParserError(error, text);
  }
  for (const node of top) {
    const name = nameOf(node);
    if (name !== '#text') return { text, top, root: node, rootName: name };
  }
  return fail('malformed', 'no root element', inText(text, 0));
}

/** What fast-xml-parser threw, as the `UcwaDecodeError` it stands for. */
function refuseParserError(error: unknown, text: string): never {
  if (isUcwaDecodeError(error)) throw error;
  if (error instanceof EntityFault) {
    const offset = text.indexOf(error.reference);
    fail(error.problem, error.message, {
      ...(offset === -1 ? {} : { position: positionAt(text, offset) }),
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  const name = /\[SECURITY\].*"([^"]*)"/.exec(message)?.[1];
  if (name !== undefined && isForbiddenName(name)) {
    const offset = text.search(new RegExp(`\\s${name}\\s*=`));
    fail('forbidden-name', `attribute name ${name} is not allowed`, {
      ...(offset === -1 ? {} : { position: positionAt(text, offset + 1) }),
      cause: error,
    });
  }
  return fail('malformed', `malformed XML: ${message}`, { cause: error });
}
