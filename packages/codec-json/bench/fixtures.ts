// Benchmark documents built from the reference's examples (packages/model/spec/ucwa-2.0.json).
import { eventExamples, responseBody } from '../test/spec-examples.ts';

type Json = { [key: string]: unknown };

/** The documented `application` resource (the GET response example, about 5 KB). */
export const applicationText = responseBody('application', 'GET');

/** A batch of `count` events taken in order from the reference's event examples. */
function eventBatchText(count: number): string {
  const senders: Json[] = [];
  let taken = 0;
  for (let round = 0; taken < count; round++) {
    for (const example of eventExamples) {
      const batch = JSON.parse(example.body) as { sender: { events: Json[] }[] };
      for (const sender of batch.sender) {
        const events = sender.events.slice(0, count - taken);
        if (events.length === 0) continue;
        senders.push({ ...sender, events });
        taken += events.length;
      }
      if (taken >= count) break;
    }
    if (round > count) throw new Error('the spec has no event examples');
  }
  const first = JSON.parse(eventExamples[0]?.body ?? '{}') as Json;
  return JSON.stringify({ _links: first._links, sender: senders }, null, 2);
}

export const twentyEventsText = eventBatchText(20);

/** `myContacts` with `count` embedded contacts and as many links, from its GET example. */
function contactsText(count: number): string {
  const doc = JSON.parse(responseBody('myContacts', 'GET')) as {
    _links: { contact: Json[] };
    _embedded: { contact: Json[] };
  };
  const contact = doc._embedded.contact[0] as Json;
  const links = doc._links.contact[0] as Json;
  doc._links.contact = Array.from({ length: count }, (_, i) => ({
    ...links,
    href: `/ucwa/v1/applications/192/people/${i}`,
  }));
  doc._embedded.contact = Array.from({ length: count }, (_, i) => ({
    ...contact,
    name: `Contact ${i}`,
    uri: `sip:c${i}@contoso.com`,
  }));
  return JSON.stringify(doc, null, 2);
}

export const fiftyContactsText = contactsText(50);
