import { describe, test } from 'vitest';
import { codec } from './bundled.ts';
import { applicationText, fiftyContactsText, twentyEventsText } from './fixtures.ts';

const { decodeEventBatch, decodeResource, encodeEventBatch, encodeResource } = codec;

// Goal: each encoder costs at most 1.3x JSON.stringify of the equivalent plain object
// (the same document as JSON.parse returns it).
const application = decodeResource(applicationText);
const applicationPlain: unknown = JSON.parse(applicationText);
const contacts = decodeResource(fiftyContactsText);
const contactsPlain: unknown = JSON.parse(fiftyContactsText);
const events = decodeEventBatch(twentyEventsText);
const eventsPlain: unknown = JSON.parse(twentyEventsText);

describe('encode', () => {
  test('application resource', async ({ bench }) => {
    await bench.compare(
      bench('JSON.stringify', () => {
        JSON.stringify(applicationPlain);
      }),
      bench('encodeResource', () => {
        encodeResource(application);
      }),
    );
  });

  test('20-event batch', async ({ bench }) => {
    await bench.compare(
      bench('JSON.stringify', () => {
        JSON.stringify(eventsPlain);
      }),
      bench('encodeEventBatch', () => {
        encodeEventBatch(events);
      }),
    );
  });

  test('50-contact myContacts', async ({ bench }) => {
    await bench.compare(
      bench('JSON.stringify', () => {
        JSON.stringify(contactsPlain);
      }),
      bench('encodeResource', () => {
        encodeResource(contacts);
      }),
    );
  });
});
