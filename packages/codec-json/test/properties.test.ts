import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { json } from '../../model/test-support/formats.ts';
import {
  decodeError,
  decodeEventBatch,
  decodeInput,
  decodeResource,
  encodeError,
  encodeEventBatch,
  encodeInput,
  encodeResource,
} from '../src/index.ts';

describe('decode(encode(x)) is x', () => {
  it('for resources: non-ASCII, & and < in values, &amp; in hrefs, empty arrays, dates, embedding', () => {
    fc.assert(
      fc.property(json.resource(3), (resource) => {
        expect(decodeResource(encodeResource(resource))).toEqual(resource);
      }),
      { numRuns: 300 },
    );
  });

  it('for inputs', () => {
    fc.assert(
      fc.property(json.resource(0), ({ properties, links }) => {
        expect(decodeInput(encodeInput({ properties, links }))).toEqual({ properties, links });
      }),
      { numRuns: 200 },
    );
  });

  it('for event batches', () => {
    fc.assert(
      fc.property(json.eventBatch, (batch) => {
        expect(decodeEventBatch(encodeEventBatch(batch))).toEqual(batch);
      }),
      { numRuns: 200 },
    );
  });

  it('for error bodies', () => {
    fc.assert(
      fc.property(json.errorBody, (body) => {
        expect(decodeError(encodeError(body))).toEqual(body);
      }),
      { numRuns: 300 },
    );
  });

  it('for embedding as deep as maxDepth allows', () => {
    // Each level is two containers (the resource and its _embedded), the root is depth 1.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 31 }), fc.boolean(), (levels, asArray) => {
        let resource = decodeResource('{"rel":"leaf","when":"\\/Date(1)\\/"}');
        for (let i = 0; i < levels; i++) {
          resource = {
            rel: `r${i}`,
            href: '',
            properties: {},
            links: {},
            embedded: { c: asArray ? [resource] : resource },
          };
        }
        const text = encodeResource(resource);
        const depth = levels * (asArray ? 3 : 2) + 1;
        if (depth <= 64) expect(decodeResource(text)).toEqual(resource);
        else
          expect(() => decodeResource(text)).toThrow(
            expect.objectContaining({ problem: 'too-deep' }),
          );
      }),
    );
  });
});
