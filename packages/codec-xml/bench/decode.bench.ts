import { describe, test } from 'vitest';
import { loadBundled } from './bundled.ts';
import { applicationXml, eventBatchXml, myContactsXml } from './fixtures.ts';

// Goal: each decoder costs at most 1.2x fast-xml-parser alone with the very options the
// codec pins (the difference is the preflight scan plus the model walk). Both run from
// one esbuild bundle of the package (see bundled.ts for why).
const { decodeEventBatch, decodeResource, parserOptions, XMLParser } = await loadBundled();
const bare = new XMLParser(parserOptions);
const batchXml = eventBatchXml(20);
const contactsXml = myContactsXml(50);

describe('decode vs bare fast-xml-parser', () => {
  test('application resource', async ({ bench }) => {
    await bench.compare(
      bench('fast-xml-parser parse', () => {
        bare.parse(applicationXml);
      }),
      bench('decodeResource', () => {
        decodeResource(applicationXml);
      }),
    );
  });

  test('20-event batch', async ({ bench }) => {
    await bench.compare(
      bench('fast-xml-parser parse', () => {
        bare.parse(batchXml);
      }),
      bench('decodeEventBatch', () => {
        decodeEventBatch(batchXml);
      }),
    );
  });

  test('50-contact myContacts', async ({ bench }) => {
    await bench.compare(
      bench('fast-xml-parser parse', () => {
        bare.parse(contactsXml);
      }),
      bench('decodeResource', () => {
        decodeResource(contactsXml);
      }),
    );
  });
});
