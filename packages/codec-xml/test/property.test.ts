import type { UnknownResource } from '@ucwa/model';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { xml } from '../../model/test-support/formats.ts';
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

describe('decode(encode(x)) equals x', () => {
  test('resources: any text, typed values, links, embedding', () => {
    fc.assert(
      fc.property(xml.resource(3), (r) => {
        expect(decodeResource(encodeResource(r))).toEqual(r);
      }),
      { numRuns: 300 },
    );
  });

  test('inputs', () => {
    fc.assert(
      fc.property(xml.resource(0), (r) => {
        const input = { properties: r.rel === 'conversation' ? {} : r.properties, links: r.links };
        expect(decodeInput(encodeInput(input))).toEqual(input);
      }),
    );
  });

  test('event batches', () => {
    fc.assert(
      fc.property(xml.eventBatch, (batch) => {
        expect(decodeEventBatch(encodeEventBatch(batch))).toEqual(batch);
      }),
      { numRuns: 200 },
    );
  });

  test('error bodies', () => {
    fc.assert(
      fc.property(xml.errorBody, (body) => {
        expect(decodeError(encodeError(body))).toEqual(body);
      }),
      { numRuns: 300 },
    );
  });

  test('deep embedding (60 levels, within the default depth limit of 64)', () => {
    let deep: UnknownResource = {
      rel: 'leaf',
      href: '/leaf',
      properties: { a: ' & ' },
      links: { self: { rel: 'self', href: '/leaf' } },
      embedded: {},
    };
    for (let i = 0; i < 59; i++)
      deep = {
        rel: `level${i}`,
        href: '',
        properties: {},
        links: {},
        embedded: { [deep.rel]: deep },
      };
    expect(decodeResource(encodeResource(deep))).toEqual(deep);
  });
});
