/**
 * fast-xml-parser's ordered output (`preserveOrder: true`): an element is
 * `{ [name]: children, ':@'?: attributes }`, a text run is `{ '#text': string }`.
 * These helpers read it without copying.
 */
export type XmlNode = { readonly [key: string]: unknown };

/** Attribute values by name, as the parser leaves them (strings, entities decoded). */
type XmlAttributes = { readonly [name: string]: string | undefined };

const ATTRIBUTES = ':@';
const TEXT = '#text';
const NO_ATTRIBUTES: XmlAttributes = Object.freeze({});

/** The element name, or `#text` for a text run: the first key, which the parser writes first. */
export function nameOf(node: XmlNode): string {
  for (const key in node) return key;
  return '';
}

/** The element names {@link resourceChildName} looks up as properties of a node. */
const RESOURCE_CHILDREN = ['property', 'link', 'propertyList', 'resource'] as const;

/**
 * Whether one of the names {@link resourceChildName} tries can be found on any object
 * (someone defined it on `Object.prototype`): then it must not be used.
 */
export function inheritsChildNames(): boolean {
  const probe = {};
  return RESOURCE_CHILDREN.some((name) => name in probe);
}

/**
 * {@link nameOf} for a child of `<resource>`: the names a resource holds are tried first
 * as plain property loads, which cost less than `for…in` over nodes of many shapes.
 * `inherited` (from {@link inheritsChildNames}) turns that off.
 */
export function resourceChildName(node: XmlNode, inherited: boolean): string {
  if (inherited) return nameOf(node);
  if (node.property !== undefined) return 'property';
  if (node.link !== undefined) return 'link';
  if (node.propertyList !== undefined) return 'propertyList';
  if (node.resource !== undefined) return 'resource';
  return nameOf(node);
}

export function childrenOf(node: XmlNode, name: string): readonly XmlNode[] {
  return node[name] as readonly XmlNode[];
}

export function attributesOf(node: XmlNode): XmlAttributes {
  return (node[ATTRIBUTES] as XmlAttributes | undefined) ?? NO_ATTRIBUTES;
}

/** The text of a text node, or `undefined` for an element. */
export function textNodeValue(node: XmlNode): string | undefined {
  return node[TEXT] as string | undefined;
}

/** All text directly inside an element (CDATA sections included), joined. */
export function textOf(children: readonly XmlNode[]): string {
  if (children.length === 1) return textNodeValue(children[0] as XmlNode) ?? '';
  let text = '';
  for (const child of children) text += textNodeValue(child) ?? '';
  return text;
}

/** Whether an element holds any child element (not only text). */
export function hasElementChild(children: readonly XmlNode[]): boolean {
  for (const child of children) if (textNodeValue(child) === undefined) return true;
  return false;
}
