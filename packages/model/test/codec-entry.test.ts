import * as model from '@ucwa/model';
import {
  codecCatalog,
  codecShape,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_DEPTH,
  decodeLimits,
  eventTypes,
  exceedsMaxBytes,
  isForbiddenName,
  MAX_DEPTH_CEILING,
} from '@ucwa/model/codec';
import { describe, expect, it } from 'vitest';

describe('@ucwa/model/codec', () => {
  it('holds what only codecs need, which the main entry no longer exports', () => {
    for (const name of ['codecCatalog', 'DEFAULT_MAX_BYTES', 'DEFAULT_MAX_DEPTH']) {
      expect(Object.keys(model)).not.toContain(name);
    }
    expect(codecCatalog.conversation?.p?.created).toBe('d');
  });

  it('looks up codec shapes for any string', () => {
    expect(codecShape('myContacts')?.l).toEqual(['contact']);
    expect(codecShape('audioVideo')).toBeUndefined();
    expect(codecShape('__proto__')).toBeUndefined();
    expect(codecShape('toString')).toBeUndefined();
  });

  it('lists the event types the event channel sends', () => {
    expect(eventTypes).toEqual(['added', 'updated', 'deleted', 'started', 'completed']);
  });

  it.each([
    ['__proto__', true],
    ['constructor', true],
    ['prototype', true],
    ['proto', false],
    ['Constructor', false],
    ['', false],
  ])('isForbiddenName(%j) is %s', (name, forbidden) => {
    expect(isForbiddenName(name)).toBe(forbidden);
  });

  it('fills in the default limits and caps the depth', () => {
    expect(decodeLimits(undefined)).toEqual({ maxBytes: 4 * 1024 * 1024, maxDepth: 64 });
    expect(DEFAULT_MAX_BYTES).toBe(4 * 1024 * 1024);
    expect(DEFAULT_MAX_DEPTH).toBe(64);
    expect(decodeLimits({ maxBytes: 10, maxDepth: 3 })).toEqual({ maxBytes: 10, maxDepth: 3 });
    expect(decodeLimits({ maxDepth: Number.POSITIVE_INFINITY }).maxDepth).toBe(MAX_DEPTH_CEILING);
  });

  it.each([
    ['', 0, false],
    ['abc', 3, false],
    ['abcd', 3, true],
    // "é" is 2 bytes, "€" 3, "😀" (a surrogate pair) 4.
    ['é'.repeat(40), 80, false],
    ['é'.repeat(40), 79, true],
    ['€€', 6, false],
    ['€€', 5, true],
    ['😀a', 5, false],
    ['😀a', 4, true],
  ])('exceedsMaxBytes(%j, %i) is %s, as UTF-8 counts', (text, maxBytes, over) => {
    expect(exceedsMaxBytes(text, maxBytes)).toBe(over);
    expect(new TextEncoder().encode(text).length > maxBytes).toBe(over);
  });
});
