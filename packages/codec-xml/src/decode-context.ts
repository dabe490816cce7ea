import type { DecodePosition } from '@ucwa/model';
import { isForbiddenName } from '@ucwa/model/codec';
import { fail, type Where } from './fail.ts';
import type { ParsedDocument } from './parser.ts';
import { positionAt } from './position.ts';
import { scanMarkup } from './preflight.ts';
import {
  attributesOf,
  childrenOf,
  inheritsChildNames,
  nameOf,
  textNodeValue,
  type XmlNode,
} from './xml-tree.ts';

/**
 * State of one decode call: the document, and the elements open from the root down to
 * the one being read, so an error can name its path. Paths and positions are only
 * computed when an error is thrown; the happy path pays one push and pop per element
 * that holds others (resource, sender, event, reason).
 */
export interface DecodeContext {
  readonly doc: ParsedDocument;
  readonly trail: XmlNode[];
  /** Whether `Object.prototype` answers to an element name (see `resourceChildName`). */
  readonly inherited: boolean;
}

export function contextOf(doc: ParsedDocument): DecodeContext {
  return { doc, trail: [], inherited: inheritsChildNames() };
}

/** The path and position of `node`, or of the innermost open element, for {@link fail}. */
export function at(ctx: DecodeContext, node?: XmlNode): Where {
  const target = node ?? ctx.trail[ctx.trail.length - 1];
  const path = pathOf(ctx, node);
  const position = target === undefined ? undefined : positionOf(ctx, target);
  return position === undefined ? { path } : { path, position };
}

/** Refuses `__proto__`, `constructor` and `prototype` as a name used for a key. */
export function checkName(ctx: DecodeContext, name: string, what: string, node: XmlNode): void {
  if (isForbiddenName(name))
    fail('forbidden-name', `${what} ${name} is not allowed`, at(ctx, node));
}

function step(node: XmlNode, first: boolean): string {
  const name = nameOf(node);
  if (first) return `/${name}`;
  const attributes = attributesOf(node);
  if (attributes.name !== undefined) return `/${name}[name=${attributes.name}]`;
  if (attributes.rel !== undefined) return `/${name}[rel=${attributes.rel}]`;
  return `/${name}`;
}

/** An element path such as `/resource/resource[rel=me]/property[name=x]`. */
function pathOf(ctx: DecodeContext, node: XmlNode | undefined): string {
  let path = '';
  ctx.trail.forEach((open, i) => {
    path += step(open, i === 0);
  });
  if (node !== undefined && node !== ctx.trail[ctx.trail.length - 1])
    path += step(node, path === '');
  return path === '' ? '/' : path;
}

/**
 * The position of an element: its rank among the document's elements (the parser keeps
 * every start tag, in order), then the scan that found them, stopped at that rank.
 */
function positionOf(ctx: DecodeContext, target: XmlNode): DecodePosition | undefined {
  const pending: XmlNode[] = [...ctx.doc.top].reverse();
  let rank = 0;
  while (pending.length > 0) {
    const node = pending.pop() as XmlNode;
    if (textNodeValue(node) !== undefined) continue;
    if (node === target) {
      const offset = scanMarkup(ctx.doc.text, Number.POSITIVE_INFINITY, rank);
      return offset === -1 ? undefined : positionAt(ctx.doc.text, offset);
    }
    rank++;
    const children = childrenOf(node, nameOf(node));
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i] as XmlNode);
  }
  return undefined;
}
