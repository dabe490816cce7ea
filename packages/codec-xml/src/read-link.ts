import { type Link, parseRevision } from '@ucwa/model';
import { at, checkName, type DecodeContext } from './decode-context.ts';
import { fail } from './fail.ts';
import { attributesOf, nameOf, type XmlNode } from './xml-tree.ts';

type MutableLink = { -readonly [K in keyof Link]: Link[K] };

/**
 * A link from an element's attributes (`<link rel href title revision>`, or an event
 * element, or `<in>`): `title` and `revision` only when present, `href` `''` when absent.
 */
export function readLink(ctx: DecodeContext, node: XmlNode): Link {
  const attributes = attributesOf(node);
  const rel = attributes.rel;
  if (rel === undefined) return fail('malformed', `<${nameOf(node)}> without a rel`, at(ctx, node));
  checkName(ctx, rel, 'link rel', node);
  const link: MutableLink = { rel, href: attributes.href ?? '' };
  const { title, revision } = attributes;
  if (title !== undefined) link.title = title;
  if (revision !== undefined) {
    link.revision =
      parseRevision(revision) ??
      fail('invalid-value', `revision ${JSON.stringify(revision)} is not a number`, at(ctx, node));
  }
  return link;
}
