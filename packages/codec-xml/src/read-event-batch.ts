import type { EventBatch, EventSender, EventType, UcwaEvent } from '@ucwa/model';
import { eventTypes } from '@ucwa/model/codec';
import { at, type DecodeContext } from './decode-context.ts';
import { fail } from './fail.ts';
import { readErrorBody } from './read-error-body.ts';
import { readLink } from './read-link.ts';
import { readResource } from './read-resource.ts';
import { attributesOf, childrenOf, nameOf, textOf, type XmlNode } from './xml-tree.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const EVENT_TYPES: readonly string[] = eventTypes;

/**
 * `<events href>` (EventChannelDetails.md): `<link rel="next|resume|resync">` and
 * `<sender rel href>` blocks in document order, each holding event elements named by
 * their type. Other elements are skipped.
 */
export function readEventBatch(ctx: DecodeContext, node: XmlNode): EventBatch {
  ctx.trail.push(node);
  const batch: Mutable<EventBatch> = { href: attributesOf(node).href ?? '', senders: [] };
  const senders: EventSender[] = [];
  for (const child of childrenOf(node, 'events')) {
    const tag = nameOf(child);
    if (tag === 'sender') senders.push(readSender(ctx, child));
    else if (tag === 'link') {
      const link = readLink(ctx, child);
      if (link.rel === 'next' || link.rel === 'resume' || link.rel === 'resync')
        batch[link.rel] = link.href;
    }
  }
  batch.senders = senders;
  ctx.trail.pop();
  return batch;
}

function readSender(ctx: DecodeContext, node: XmlNode): EventSender {
  const attributes = attributesOf(node);
  ctx.trail.push(node);
  const rel = attributes.rel ?? fail('malformed', '<sender> without a rel', at(ctx, node));
  const events: UcwaEvent[] = [];
  for (const child of childrenOf(node, 'sender')) {
    const tag = nameOf(child);
    // UCWA writes the types in lower case; read "Added" too, as the JSON codec does.
    const type = tag.toLowerCase();
    if (EVENT_TYPES.includes(type)) events.push(readEvent(ctx, child, tag, type as EventType));
  }
  ctx.trail.pop();
  return { rel, href: attributes.href ?? '', events };
}

/**
 * One event: its own `rel`/`href` (plus `title`, `revision`) are the link, or a `<link>`
 * child when it has none; `<in rel href>` is the collection, `<resource>` the embedded
 * resource, `<status>` (or a `status` attribute) and `<reason>` the outcome.
 */
function readEvent(ctx: DecodeContext, node: XmlNode, tag: string, type: EventType): UcwaEvent {
  ctx.trail.push(node);
  const attributes = attributesOf(node);
  const event: Mutable<Partial<UcwaEvent>> = { type };
  if (attributes.rel !== undefined) event.link = readLink(ctx, node);
  if (attributes.status !== undefined) event.status = readStatus(ctx, attributes.status, node);
  for (const child of childrenOf(node, tag)) {
    const name = nameOf(child);
    if (name === 'link' && event.link === undefined) event.link = readLink(ctx, child);
    else if (name === 'in') event.in = readLink(ctx, child);
    else if (name === 'resource') event.resource = readResource(ctx, child, name);
    else if (name === 'status')
      event.status = readStatus(ctx, textOf(childrenOf(child, name)), child);
    else if (name === 'reason') event.reason = readErrorBody(ctx, child);
  }
  if (event.link === undefined) fail('malformed', `<${tag}> without a rel`, at(ctx, node));
  ctx.trail.pop();
  return event as UcwaEvent;
}

/** The model keeps the lower-case words; servers write `Success` / `Failure`. */
function readStatus(ctx: DecodeContext, text: string, node: XmlNode): 'success' | 'failure' {
  const status = text.trim().toLowerCase();
  if (status === 'success' || status === 'failure') return status;
  return fail(
    'invalid-value',
    `expected status Success or Failure, got ${JSON.stringify(text)}`,
    at(ctx, node),
  );
}
