import type { EventBatch, EventSender, UcwaEvent } from '@ucwa/model';
import { writeErrorBody } from './write-error-body.ts';
import { type WriteState, writeLink } from './write-properties.ts';
import { namespaces, writeResource } from './write-resource.ts';
import { attribute, DECLARATION } from './xml-writer.ts';

function writeEvent(state: WriteState, event: UcwaEvent): string {
  const { type, link } = event;
  let body = '';
  if (event.in !== undefined) body += writeLink(event.in, 'in');
  if (event.status !== undefined)
    body += `<status>${event.status === 'success' ? 'Success' : 'Failure'}</status>`;
  if (event.reason !== undefined) body += writeErrorBody(event.reason, false);
  if (event.resource !== undefined) body += writeResource(state, event.resource, false);
  // The event element is the link itself: `<added rel href/>` (EventChannelDetails.md).
  const head = writeLink(link, type).slice(0, -2);
  return body === '' ? `${head}/>` : `${head}>${body}</${type}>`;
}

function writeSender(state: WriteState, sender: EventSender): string {
  let body = '';
  for (const event of sender.events) body += writeEvent(state, event);
  const head = `<sender${attribute('rel', sender.rel)}${attribute('href', sender.href)}`;
  return body === '' ? `${head}/>` : `${head}>${body}</sender>`;
}

/**
 * Encodes an event channel answer as `<events href>` with `<link rel="next">` (or
 * `resume` / `resync`) and `<sender>` blocks in order (EventChannelDetails.md); the
 * emulator serves these.
 *
 * @example
 * ```ts
 * encodeEventBatch({ href: '/events?ack=1', next: '/events?ack=2', senders: [] });
 * ```
 */
export function encodeEventBatch(batch: EventBatch): string {
  const state: WriteState = { nil: false };
  let body = '';
  for (const rel of ['next', 'resume', 'resync'] as const) {
    const href = batch[rel];
    if (href !== undefined) body += writeLink({ rel, href });
  }
  for (const sender of batch.senders) body += writeSender(state, sender);
  const head = `<events${attribute('href', batch.href)}${namespaces(state)}`;
  return `${DECLARATION}${head}>${body}</events>`;
}
