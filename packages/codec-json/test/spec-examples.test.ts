import { describe, expect, it } from 'vitest';
import {
  decodeEventBatch,
  decodeInput,
  decodeResource,
  encodeEventBatch,
  encodeInput,
  encodeResource,
} from '../src/index.ts';
import { eventExamples, inputExamples, responseExamples } from './spec-examples.ts';

// Counts measured on packages/model/spec/ucwa-2.0.json (151 responses, 124 events, 55
// inputs); the floors leave room for the extractor to drop a damaged example or two.
describe('the reference examples', () => {
  it('has the JSON examples these tests expect', () => {
    expect(responseExamples.length).toBeGreaterThanOrEqual(145);
    expect(eventExamples.length).toBeGreaterThanOrEqual(120);
    expect(inputExamples.length).toBeGreaterThanOrEqual(50);
  });

  describe.each(responseExamples.map((e) => [e.name, e.body] as const))(
    'response %s',
    (_, body) => {
      it('decodes and round-trips', () => {
        const resource = decodeResource(body);
        expect(decodeResource(encodeResource(resource))).toEqual(resource);
      });
    },
  );

  describe.each(eventExamples.map((e) => [e.name, e.body] as const))('%s', (_, body) => {
    it('decodes and round-trips', () => {
      const batch = decodeEventBatch(body);
      expect(batch.senders.length).toBeGreaterThan(0);
      expect(decodeEventBatch(encodeEventBatch(batch))).toEqual(batch);
    });
  });

  describe.each(inputExamples.map((e) => [e.name, e.body] as const))('request %s', (_, body) => {
    it('decodes as input and round-trips', () => {
      const input = decodeInput(body);
      expect(decodeInput(encodeInput(input))).toEqual(input);
    });
  });

  it('reads every date the examples carry', () => {
    const dated = responseExamples.filter((e) => e.body.includes('\\/Date('));
    expect(dated.length).toBeGreaterThan(10);
    for (const { body } of dated) {
      const found = JSON.stringify(decodeResource(body)).match(/\/Date\(/g);
      // Dates decode to Date objects, which stringify as ISO text, not /Date(...)/.
      expect(found).toBeNull();
    }
  });
});
