import type { Link, UcwaErrorBody, UcwaErrorParameter } from '@ucwa/model';
import { at, checkName, type DecodeContext } from './decode-context.ts';
import { fail } from './fail.ts';
import { readLink } from './read-link.ts';
import { attributesOf, childrenOf, nameOf, textOf, type XmlNode } from './xml-tree.ts';

type MutableErrorBody = { -readonly [K in keyof UcwaErrorBody]: UcwaErrorBody[K] };

/**
 * `<reason>` (ErrorsAndInformationalMessages.md): `<code>`, `<subcode>`, `<message>`,
 * `<parameters>`, `<debugInfo>` and `<link>` children. Code and subcode are trimmed
 * (they are words); the message keeps its whitespace. Empty `<parameters />` and
 * `<debugInfo />`, as the reference's sample has them, decode to `[]` and `{}`.
 */
export function readErrorBody(ctx: DecodeContext, node: XmlNode): UcwaErrorBody {
  ctx.trail.push(node);
  let code: string | undefined;
  const body: Omit<MutableErrorBody, 'code'> = {};
  for (const child of childrenOf(node, 'reason')) {
    const tag = nameOf(child);
    if (tag === 'code') code = textOf(childrenOf(child, tag)).trim();
    else if (tag === 'subcode') body.subcode = textOf(childrenOf(child, tag)).trim();
    else if (tag === 'message') body.message = textOf(childrenOf(child, tag));
    else if (tag === 'parameters') body.parameters = readParameters(ctx, child);
    else if (tag === 'debugInfo') body.debugInfo = readDebugInfo(ctx, child);
    else if (tag === 'link') body.link = readErrorLink(ctx, child);
  }
  if (code === undefined) fail('invalid-value', '<reason> without a <code>', at(ctx));
  ctx.trail.pop();
  return { code, ...body };
}

/** An error link may lack a rel (the reference only says "link: href"). */
function readErrorLink(ctx: DecodeContext, node: XmlNode): Link {
  const attributes = attributesOf(node);
  if (attributes.rel !== undefined) return readLink(ctx, node);
  return { rel: 'link', href: attributes.href ?? '' };
}

/**
 * Name/value pairs: each child element is one, named by its `name` attribute
 * (`<property name="to">…</property>`, the bag spelling this codec writes) or else by
 * the element itself.
 */
function entries(ctx: DecodeContext, node: XmlNode, name: string): [string, string][] {
  const out: [string, string][] = [];
  for (const child of childrenOf(node, name)) {
    const tag = nameOf(child);
    if (tag === '#text') continue;
    const key = attributesOf(child).name ?? tag;
    checkName(ctx, key, `${name} name`, child);
    out.push([key, textOf(childrenOf(child, tag))]);
  }
  return out;
}

function readParameters(ctx: DecodeContext, node: XmlNode): readonly UcwaErrorParameter[] {
  return entries(ctx, node, 'parameters').map(([name, value]) => ({ name, value }));
}

function readDebugInfo(ctx: DecodeContext, node: XmlNode): { readonly [key: string]: string } {
  const info: { [key: string]: string } = {};
  for (const [key, value] of entries(ctx, node, 'debugInfo')) info[key] = value;
  return info;
}
