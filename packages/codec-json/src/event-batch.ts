import type { DecodeOptions, EventBatch, EventSender, UcwaEvent } from '@ucwa/model';
import { decodeDocument } from './parse.ts';
import { put } from './put.ts';
import { BATCH_LINKS, readEventBatch } from './read-event-batch.ts';
import { serialize, type Wire, writeErrorBody, writeLink, writeResource } from './write.ts';

/**
 * Decodes an answer of the event channel (EventChannelDetails.md): the batch's own href,
 * its `next`, `resume` or `resync` href, and the senders with their events in document
 * order. An event's `status` is read without case (`"Success"` → `'success'`).
 *
 * @example
 * ```ts
 * const batch = decodeEventBatch(text);
 * for (const sender of batch.senders) for (const event of sender.events) handle(event);
 * if (batch.next !== undefined) waitOn(batch.next);
 * ```
 */
export function decodeEventBatch(text: string, options?: DecodeOptions): EventBatch {
  return decodeDocument(text, options, readEventBatch);
}

function writeEvent(event: UcwaEvent): Wire {
  const { link, resource, status } = event;
  const out: Wire = { link: writeLink(link, true) };
  put(out, 'in', event.in && writeLink(event.in, true));
  // A computed key defines an own property even for "__proto__" (decoders refuse it).
  put(out, '_embedded', resource && { [resource.rel || link.rel]: writeResource(resource) });
  put(out, 'status', status && (status === 'success' ? 'Success' : 'Failure'));
  put(out, 'reason', event.reason && writeErrorBody(event.reason));
  out.type = event.type;
  return out;
}

function writeSender(sender: EventSender): Wire {
  return { rel: sender.rel, href: sender.href, events: sender.events.map(writeEvent) };
}

/**
 * Encodes an event channel answer, as the emulator sends it: `_links` (self, then next,
 * resume or resync), `sender` blocks, events with `link`, `in`, `_embedded`, `status`
 * (`Success`/`Failure`, as the reference writes it), `reason` and `type`.
 */
export function encodeEventBatch(batch: EventBatch): string {
  const links: Wire = {};
  for (const rel of BATCH_LINKS) {
    const href = rel === 'self' ? batch.href || undefined : batch[rel];
    if (href !== undefined) links[rel] = { href };
  }
  return serialize({ _links: links, sender: batch.senders.map(writeSender) });
}
