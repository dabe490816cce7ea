import type { PropertyValue } from '@ucwa/model';
import type { PropertyCode } from '@ucwa/model/codec';
import { at, checkName, type DecodeContext } from './decode-context.ts';
import { fail } from './fail.ts';
import { parseBoolean, parseIsoDate, parseNumber } from './values.ts';
import {
  attributesOf,
  childrenOf,
  hasElementChild,
  nameOf,
  textOf,
  type XmlNode,
} from './xml-tree.ts';

/** The type of one value: a catalog code with any `[]` removed; `s` for plain text. */
type ScalarCode = 'n' | 'b' | 'd' | 'o' | 's';

/** The code a single value (a `<property>` or an `<item>`) of `code` is read with. */
export function scalarCode(code: PropertyCode | undefined): ScalarCode {
  return code === undefined ? 's' : (code.charAt(0) as ScalarCode);
}

/**
 * The value of a `<property>` or `<item>`: `xsi:nil="true"` is `null`, child
 * `<property>`/`<propertyList>` elements make an object (this codec's spelling of a JSON
 * object, which the reference never shows in XML), and text is typed by `code`.
 */
export function readValue(
  ctx: DecodeContext,
  node: XmlNode,
  name: string,
  code: ScalarCode,
): PropertyValue {
  const children = childrenOf(node, name);
  if (children.length === 0) {
    if (isNil(node)) return null;
  } else if (hasElementChild(children)) {
    return readObject(ctx, children);
  }
  const text = textOf(children);
  if (code === 's' || code === 'o') return text;
  if (code === 'n')
    return (
      parseNumber(text) ??
      fail('invalid-value', `expected a number, got ${show(text)}`, at(ctx, node))
    );
  if (code === 'b') {
    return (
      parseBoolean(text) ??
      fail('invalid-value', `expected True or False, got ${show(text)}`, at(ctx, node))
    );
  }
  return (
    parseIsoDate(text) ??
    fail('invalid-date', `expected an ISO 8601 date, got ${show(text)}`, at(ctx, node))
  );
}

/** `xsi:nil="true"`, under whatever prefix the sender bound the schema-instance namespace to. */
function isNil(node: XmlNode): boolean {
  const attributes = attributesOf(node);
  for (const key in attributes) {
    if ((key === 'nil' || key.endsWith(':nil')) && attributes[key] === 'true') return true;
  }
  return false;
}

/** `<propertyList name>`: its `<item>` children in order; other elements are skipped. */
export function readList(ctx: DecodeContext, node: XmlNode, code: ScalarCode): PropertyValue[] {
  const items: PropertyValue[] = [];
  for (const child of childrenOf(node, 'propertyList')) {
    if (nameOf(child) === 'item') items.push(readValue(ctx, child, 'item', code));
  }
  return items;
}

/** Properties nested in a property: untyped, since the catalog does not describe them. */
function readObject(ctx: DecodeContext, children: readonly XmlNode[]): PropertyValue {
  const object: { [key: string]: PropertyValue } = {};
  for (const child of children) {
    const tag = nameOf(child);
    if (tag !== 'property' && tag !== 'propertyList') continue;
    const key = requireName(ctx, child);
    object[key] = tag === 'property' ? readValue(ctx, child, tag, 's') : readList(ctx, child, 's');
  }
  return object;
}

/** The `name` attribute of a property, checked. */
export function requireName(ctx: DecodeContext, node: XmlNode): string {
  const name = attributesOf(node).name;
  if (name === undefined)
    return fail('malformed', `<${nameOf(node)}> without a name`, at(ctx, node));
  checkName(ctx, name, 'property name', node);
  return name;
}

function show(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}...` : text);
}
