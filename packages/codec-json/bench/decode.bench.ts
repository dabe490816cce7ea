import { describe, test } from 'vitest';
import { codec } from './bundled.ts';
import { applicationText, fiftyContactsText, twentyEventsText } from './fixtures.ts';

const { decodeEventBatch, decodeResource } = codec;

// Goal: each decoder costs at most 1.3x JSON.parse alone on the same text.
describe('decode', () => {
  test('application resource', async ({ bench }) => {
    await bench.compare(
      bench('JSON.parse', () => {
        JSON.parse(applicationText);
      }),
      bench('decodeResource', () => {
        decodeResource(applicationText);
      }),
    );
  });

  test('20-event batch', async ({ bench }) => {
    await bench.compare(
      bench('JSON.parse', () => {
        JSON.parse(twentyEventsText);
      }),
      bench('decodeEventBatch', () => {
        decodeEventBatch(twentyEventsText);
      }),
    );
  });

  test('50-contact myContacts', async ({ bench }) => {
    await bench.compare(
      bench('JSON.parse', () => {
        JSON.parse(fiftyContactsText);
      }),
      bench('decodeResource', () => {
        decodeResource(fiftyContactsText);
      }),
    );
  });
});
