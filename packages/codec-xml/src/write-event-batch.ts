import type { EventBatch, EventSender, UcwaEvent } from '@ucwa/model';
import { writeErrorBody } from './write-error-body.ts';
import { type WriteState, writeLink } from './write-properties.ts';
import { namespaces, writeResource } from './write-resource.ts';
import { attribute } from './xml-writer.ts';

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

/** `<events href>` with its `next`/`resume`/`resync` links and `<sender>` blocks; a root. */
export function writeEventBatch(batch: EventBatch): string {
  const state: WriteState = { nil: false };
  let body = '';
  for (const rel of ['next', 'resume', 'resync'] as const) {
    const href = batch[rel];
    if (href !== undefined) body += writeLink({ rel, href });
  }
  for (const sender of batch.senders) body += writeSender(state, sender);
  return `<events${attribute('href', batch.href)}${namespaces(state)}>${body}</events>`;
}
