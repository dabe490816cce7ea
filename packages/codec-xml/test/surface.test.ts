import * as json from '@ucwa/codec-json';
import type { UcwaCodec } from '@ucwa/model';
import { expect, test } from 'vitest';
import * as xml from '../src/index.ts';

// Both codecs export the same surface (docs/codec-contract.md), so a transport can take
// either module namespace as a UcwaCodec; the assignment is checked by tsc.
const codec: UcwaCodec = xml;

test('the module namespace is a UcwaCodec with the same exports as codec-json', () => {
  expect(codec.mediaTypes).toEqual(['application/vnd.microsoft.com.ucwa+xml', 'application/xml']);
  const shared = Object.keys(xml).sort();
  expect(shared).toEqual([
    'UcwaDecodeError',
    'decodeError',
    'decodeEventBatch',
    'decodeInput',
    'decodeResource',
    'encodeError',
    'encodeEventBatch',
    'encodeInput',
    'encodeResource',
    'isUcwaDecodeError',
    'mediaTypes',
  ]);
  // codec-json adds OAuth token helpers (JSON only); everything here it has too.
  for (const name of shared) expect(Object.keys(json)).toContain(name);
  expect(xml.UcwaDecodeError).toBe(json.UcwaDecodeError);
});
