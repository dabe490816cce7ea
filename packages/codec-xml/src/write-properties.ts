import type { Link, LinkBag, PropertyBag, PropertyValue } from '@ucwa/model';
import { formatBoolean, formatDate, formatNumber } from './values.ts';
import { attribute, checkEncodableName, escapeText } from './xml-writer.ts';

/** State of one encode call: whether `xsi:nil` was written, so the root declares `xsi`. */
export interface WriteState {
  nil: boolean;
}

type PropertyObject = { readonly [key: string]: PropertyValue };

/** The content of a `<property>` or `<item>` holding `value` (`null` handled by the caller). */
function content(state: WriteState, value: Exclude<PropertyValue, null>): string {
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return formatBoolean(value);
  if (value instanceof Date) return formatDate(value);
  if (Array.isArray(value)) throw new TypeError('cannot encode an array nested in an array in XML');
  return writeProperties(state, value as PropertyObject, false);
}

function valueElement(state: WriteState, tag: string, head: string, value: PropertyValue): string {
  if (value === null) {
    state.nil = true;
    return `<${tag}${head} xsi:nil="true"/>`;
  }
  return `<${tag}${head}>${content(state, value)}</${tag}>`;
}

/** One property: `<property name>` for a value, `<propertyList name>` for an array. */
function writeProperty(state: WriteState, name: string, value: PropertyValue): string {
  checkEncodableName(name);
  const head = attribute('name', name);
  if (!Array.isArray(value)) return valueElement(state, 'property', head, value);
  let items = '';
  for (const item of value as readonly PropertyValue[])
    items += valueElement(state, 'item', '', item);
  return `<propertyList${head}>${items}</propertyList>`;
}

/**
 * Every property, unknown ones included (PUT bodies must play them all back,
 * PayloadFormat.md). `rel` is refused: in XML it is the resource's attribute.
 */
export function writeProperties(
  state: WriteState,
  properties: PropertyObject | PropertyBag,
  top: boolean,
): string {
  let out = '';
  for (const name of Object.keys(properties)) {
    if (top && name === 'rel') throw new TypeError('cannot encode a property named "rel"');
    out += writeProperty(state, name, properties[name] as PropertyValue);
  }
  return out;
}

function hasDetails(link: Link): boolean {
  return link.title !== undefined || link.revision !== undefined;
}

/** `<link rel href title revision/>`, or another element name for event links. */
export function writeLink(link: Link, tag = 'link'): string {
  checkEncodableName(link.rel);
  let out = `<${tag}${attribute('rel', link.rel)}${attribute('href', link.href)}`;
  if (link.title !== undefined) out += attribute('title', link.title);
  if (link.revision !== undefined) out += attribute('revision', formatNumber(link.revision));
  return `${out}/>`;
}

/**
 * Every link. In a resource (`inResource`) a plain `self` is left out: XML carries it as
 * the `href` attribute; a self link with a title or revision (search's revision 2) is
 * written out as well. An `<input>` has no `href` attribute, so it writes them all.
 */
export function writeLinks(links: LinkBag, inResource: boolean): string {
  let out = '';
  for (const rel of Object.keys(links)) {
    const value = links[rel] as Link | readonly Link[];
    if (inResource && rel === 'self' && !Array.isArray(value) && !hasDetails(value as Link))
      continue;
    if (Array.isArray(value)) for (const link of value as readonly Link[]) out += writeLink(link);
    else out += writeLink(value as Link);
  }
  return out;
}
