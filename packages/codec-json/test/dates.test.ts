import { describe, expect, it } from 'vitest';
import { decodeResource, encodeResource } from '../src/index.ts';

const property = (json: string) => decodeResource(`{"when":${json}}`).properties.when;

describe('JSON dates', () => {
  it.each([
    ['"\\/Date(1474932023993)\\/"', 1474932023993],
    ['"/Date(1474932023993)/"', 1474932023993],
    ['"\\/Date(0)\\/"', 0],
    ['"\\/Date(-86400000)\\/"', -86400000],
    // The offset names the sender's zone; the milliseconds are already UTC.
    ['"\\/Date(1474932023993+0200)\\/"', 1474932023993],
    ['"\\/Date(1474932023993-0530)\\/"', 1474932023993],
    ['"\\/Date(8640000000000000)\\/"', 8.64e15],
  ])('%s is the instant %d', (json, time) => {
    expect(property(json)).toEqual(new Date(time));
  });

  it('reads dates inside arrays and objects', () => {
    expect(decodeResource('{"a":["\\/Date(1)\\/",{"b":"\\/Date(2)\\/"}]}').properties.a).toEqual([
      new Date(1),
      { b: new Date(2) },
    ]);
  });

  it.each(['"/Date(1)"', '"Date(1)/"', '"/Date(1)/ "', '"x/Date(1)/"', '"/"'])(
    'keeps %s a string',
    (json) => {
      expect(typeof property(json)).toBe('string');
    },
  );

  it.each([
    ['"\\/Date(abc)\\/"'],
    ['"\\/Date()\\/"'],
    ['"\\/Date(1.5)\\/"'],
    ['"\\/Date(8640000000000001)\\/"'],
    ['"\\/Date(99999999999999999999)\\/"'],
    ['"\\/Date(1+2400)\\/"'],
    ['"\\/Date(1+0060)\\/"'],
    ['"\\/Date(1+02)\\/"'],
  ])('refuses %s as invalid-date', (json) => {
    expect(() => property(json)).toThrow(
      expect.objectContaining({ name: 'UcwaDecodeError', problem: 'invalid-date', path: '$.when' }),
    );
  });

  it('does not read dates in hrefs, titles or rels', () => {
    const r = decodeResource('{"_links":{"x":{"href":"/Date(1)/","title":"/Date(2)/"}}}');
    expect(r.links.x).toEqual({ rel: 'x', href: '/Date(1)/', title: '/Date(2)/' });
  });

  it('encodes as \\/Date(ms)\\/ and back', () => {
    const when = new Date(Date.UTC(2016, 8, 26, 23, 20, 23, 993));
    const text = encodeResource({
      rel: 'r',
      href: '',
      properties: { when },
      links: {},
      embedded: {},
    });
    expect(text).toBe('{"when":"\\/Date(1474932023993)\\/","rel":"r"}');
    expect(decodeResource(text).properties.when).toEqual(when);
  });
});
