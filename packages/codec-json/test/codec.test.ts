import type { UcwaCodec, UnknownResource } from '@ucwa/model';
import { describe, expect, it } from 'vitest';
import * as codec from '../src/index.ts';
import * as oauth from '../src/oauth.ts';

// Type-level check: the package namespace is the surface docs/codec-contract.md fixes,
// so a transport can take it as it is. A type error here means a function went missing
// or changed its signature.
const asCodec: UcwaCodec = codec;

describe('the codec surface', () => {
  it('is a UcwaCodec plus the decode error, and nothing else', () => {
    expect(Object.keys(codec).sort()).toEqual([
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
  });

  it('round-trips through the UcwaCodec interface', () => {
    const resource: UnknownResource = {
      rel: 'me',
      href: '/me',
      properties: { name: 'John', when: new Date(0) },
      links: { self: { rel: 'self', href: '/me' } },
      embedded: {},
    };
    expect(asCodec.decodeResource(asCodec.encodeResource(resource))).toEqual(resource);
    expect(asCodec.mediaTypes[0]).toBe('application/vnd.microsoft.com.ucwa+json');
  });

  it('keeps the OAuth token helpers on the /oauth subpath', () => {
    expect(Object.keys(oauth).sort()).toEqual([
      'decodeTokenError',
      'decodeTokenResponse',
      'encodeTokenError',
      'encodeTokenResponse',
    ]);
  });
});
