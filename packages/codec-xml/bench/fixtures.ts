import type { EventBatch, EventSender, UcwaEvent } from '@ucwa/model';
import { decodeResource, encodeEventBatch } from '../src/index.ts';
import { examples, responseBody } from '../test/support/spec.ts';

/** The documented `application` resource (application GET, XML). */
export const applicationXml = responseBody('application', 'GET', 'xml');

interface JsonLink {
  rel: string;
  href: string;
}

interface JsonEventDocument {
  sender?: {
    rel: string;
    href: string;
    events?: { link: JsonLink; in?: JsonLink; type: string }[];
  }[];
}

/**
 * A 20-event batch: the events of the spec's event examples (JSON only in the
 * reference) in order, every fourth one embedding the documented `communication`
 * resource as EventChannelDetails.md's XML sample does, encoded as XML.
 */
export function eventBatchXml(count = 20): string {
  const communication = decodeResource(responseBody('communication', 'GET', 'xml'));
  const senders: EventSender[] = [];
  let total = 0;
  for (const { body } of examples((e) => e.kind === 'event')) {
    for (const sender of (JSON.parse(body) as JsonEventDocument).sender ?? []) {
      const events: UcwaEvent[] = [];
      for (const event of sender.events ?? []) {
        if (total === count) break;
        const link = { rel: event.link.rel, href: event.link.href };
        const base: UcwaEvent = { type: event.type as UcwaEvent['type'], link };
        const withIn =
          event.in === undefined
            ? base
            : { ...base, in: { rel: event.in.rel, href: event.in.href } };
        events.push(total % 4 === 0 ? { ...withIn, resource: communication } : withIn);
        total++;
      }
      if (events.length > 0) senders.push({ rel: sender.rel, href: sender.href, events });
    }
    if (total === count) break;
  }
  const batch: EventBatch = {
    href: '/ucwa/v1/applications/192/events?ack=1',
    next: '/ucwa/v1/applications/192/events?ack=2&low=600&timeout=900',
    senders,
  };
  return encodeEventBatch(batch);
}

/** The documented `myContacts` list with its one contact replicated `count` times. */
export function myContactsXml(count = 50): string {
  const xml = responseBody('myContacts', 'GET', 'xml');
  const link = /\s*<link rel="contact"[^>]*\/>/.exec(xml)?.[0] ?? '';
  const contact = /\s*<resource rel="contact"[\s\S]*?<\/resource>/.exec(xml)?.[0] ?? '';
  let links = '';
  let contacts = '';
  for (let i = 0; i < count; i++) {
    links += link.replace('/people/608', `/people/${1000 + i}`);
    contacts += contact.replaceAll('/people/282', `/people/${2000 + i}`);
  }
  return xml.replace(link, links).replace(contact, contacts);
}
