import type { DecodeProblem } from '@ucwa/model';
import { DEFAULT_MAX_DEPTH, MAX_DEPTH_CEILING } from '@ucwa/model/codec';
import { describe, expect, it } from 'vitest';
import {
  decodeError,
  decodeEventBatch,
  decodeResource,
  isUcwaDecodeError,
  UcwaDecodeError,
} from '../src/index.ts';

/** The error `decode(text)` throws; fails the test when it throws nothing. */
function caught(decode: () => unknown): UcwaDecodeError {
  try {
    decode();
  } catch (error) {
    expect(isUcwaDecodeError(error)).toBe(true);
    expect(error).toBeInstanceOf(UcwaDecodeError);
    return error as UcwaDecodeError;
  }
  return expect.unreachable('expected a UcwaDecodeError');
}

describe('bad input', () => {
  it.each<[string, DecodeProblem, string]>([
    ['{"_links":{"self":"/x"}}', 'invalid-value', '$._links.self'],
    ['{"_links":{"self":{"href":5}}}', 'invalid-value', '$._links.self.href'],
    ['{"_links":{"self":[{"href":"/a"}]}}', 'invalid-value', '$._links.self'],
    [
      '{"_links":{"contact":[{"href":"/a"},{"title":"x"}]}}',
      'invalid-value',
      '$._links.contact[1].href',
    ],
    ['{"_links":{"x":{"href":"/a","title":1}}}', 'invalid-value', '$._links.x.title'],
    ['{"_links":{"x":{"href":"/a","revision":"two"}}}', 'invalid-value', '$._links.x.revision'],
    ['{"_links":[]}', 'invalid-value', '$._links'],
    ['{"_embedded":{"me":5}}', 'invalid-value', '$._embedded.me'],
    ['{"_embedded":{"c":[{"rel":1}]}}', 'invalid-value', '$._embedded.c[0].rel'],
    ['{"rel":null}', 'invalid-value', '$.rel'],
    ['{"__proto__":{"polluted":1}}', 'forbidden-name', '$.__proto__'],
    ['{"constructor":1}', 'forbidden-name', '$.constructor'],
    ['{"a":{"b":{"prototype":1}}}', 'forbidden-name', '$.a.b.prototype'],
    ['{"_links":{"__proto__":{"href":"/x"}}}', 'forbidden-name', '$._links.__proto__'],
    ['{"_embedded":{"constructor":{}}}', 'forbidden-name', '$._embedded.constructor'],
    ['{"a":[1,"\\/Date(x)\\/"]}', 'invalid-date', '$.a[1]'],
    ['{"a b":"\\/Date(1+9999)\\/"}', 'invalid-date', '$["a b"]'],
  ])('decodeResource(%s) fails with %s at %s', (text, problem, path) => {
    const error = caught(() => decodeResource(text));
    expect(error).toMatchObject({ name: 'UcwaDecodeError', problem, path, format: 'json' });
    expect(error.message).toContain(path);
  });

  it.each<[string, string]>([
    ['{"sender":{}}', '$.sender'],
    ['{"sender":[{"href":"/x"}]}', '$.sender[0].rel'],
    ['{"sender":[{"rel":"me","events":[{"type":"added"}]}]}', '$.sender[0].events[0].link'],
    [
      '{"sender":[{"rel":"me","events":[{"type":"moved","link":{"rel":"a","href":"/a"}}]}]}',
      '$.sender[0].events[0].type',
    ],
    [
      '{"sender":[{"rel":"me","events":[{"type":"completed","status":"Done","link":{"rel":"a","href":"/a"}}]}]}',
      '$.sender[0].events[0].status',
    ],
    [
      '{"sender":[{"rel":"me","events":[{"type":"added","link":{"href":"/a"}}]}]}',
      '$.sender[0].events[0].link.rel',
    ],
    [
      '{"sender":[{"rel":"me","events":[{"type":"added","link":{"rel":"a","href":"/a"},"reason":{"message":"x"}}]}]}',
      '$.sender[0].events[0].reason.code',
    ],
    ['{"_links":{"next":[{"href":"/a"}]}}', '$._links.next'],
  ])('decodeEventBatch(%s) fails at %s', (text, path) => {
    expect(caught(() => decodeEventBatch(text))).toMatchObject({ problem: 'invalid-value', path });
  });

  it.each<[string, string]>([
    ['{}', '$.code'],
    ['{"code":1}', '$.code'],
    ['{"code":"x","parameters":[{"name":"a","value":{}}]}', '$.parameters[0].value'],
    ['{"code":"x","parameters":5}', '$.parameters'],
    ['{"code":"x","debugInfo":[]}', '$.debugInfo'],
  ])('decodeError(%s) fails at %s', (text, path) => {
    expect(caught(() => decodeError(text))).toMatchObject({ problem: 'invalid-value', path });
  });

  it.each([
    ['', { offset: 0 }],
    ['{"a":1,}', { offset: 7, line: 1, column: 8 }],
    ['{\n  "a": tru\n}', {}],
    ['{"a":1} x', { offset: 8, line: 1, column: 9 }],
  ])('malformed JSON %j reports where V8 says', (text, position) => {
    const error = caught(() => decodeResource(text));
    expect(error).toMatchObject({ problem: 'malformed', format: 'json' });
    expect(error.position).toMatchObject(position);
  });

  it.each(['[]', '"text"', '42', 'null', '[{"rel":"x"}]'])(
    'refuses the root %s as wrong-root',
    (text) => {
      expect(caught(() => decodeResource(text))).toMatchObject({
        problem: 'wrong-root',
        path: '$',
      });
    },
  );

  it('refuses a document over maxBytes before parsing it', () => {
    const big = `{"a":"${'x'.repeat(100)}"}`;
    expect(caught(() => decodeResource(big, { maxBytes: 100 }))).toMatchObject({
      problem: 'too-large',
    });
    expect(decodeResource(big, { maxBytes: 200 }).properties.a).toHaveLength(100);
    // Counted in UTF-8: 40 "é" are 80 bytes.
    const accents = `{"a":"${'é'.repeat(40)}"}`;
    expect(caught(() => decodeResource(accents, { maxBytes: 85 }))).toMatchObject({
      problem: 'too-large',
    });
    expect(decodeResource(accents, { maxBytes: 88 }).properties.a).toHaveLength(40);
    // Not even parsed: a malformed document over the limit is too large, not malformed.
    expect(caught(() => decodeResource(`{${'x'.repeat(50)}`, { maxBytes: 10 }))).toMatchObject({
      problem: 'too-large',
    });
  });

  it('refuses the default 4 MiB limit', () => {
    const huge = `{"a":"${'x'.repeat(4 * 1024 * 1024)}"}`;
    expect(caught(() => decodeResource(huge))).toMatchObject({ problem: 'too-large' });
  });

  it('refuses nesting deeper than maxDepth, in properties and in embedding', () => {
    const nested = (depth: number) => `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    expect(decodeResource(nested(63)).properties.a).toBeDefined();
    expect(caught(() => decodeResource(nested(64)))).toMatchObject({ problem: 'too-deep' });
    expect(caught(() => decodeResource(nested(5), { maxDepth: 5 }))).toMatchObject({
      problem: 'too-deep',
    });
    let embedded = '{}';
    for (let i = 0; i < 40; i++) embedded = `{"_embedded":{"c":${embedded}}}`;
    expect(caught(() => decodeResource(embedded))).toMatchObject({ problem: 'too-deep' });
  });

  it('stops a million levels at the depth ceiling, whatever maxDepth the caller asks for', () => {
    const deep = `{"a":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}`;
    // The work is bounded by depth, not by time: the walk stops at the default depth, or at
    // the ceiling for a larger maxDepth, and the path it reports is that long.
    const atDefault = caught(() => decodeResource(deep));
    expect(atDefault).toMatchObject({ problem: 'too-deep' });
    expect(atDefault.path?.split('[').length).toBe(DEFAULT_MAX_DEPTH);
    const atCeiling = caught(() => decodeResource(deep, { maxDepth: Number.POSITIVE_INFINITY }));
    expect(atCeiling).toMatchObject({ problem: 'too-deep' });
    // "$.a" then one "[0]" per level below it: the walk never went past the ceiling.
    expect(atCeiling.path?.split('[').length).toBe(MAX_DEPTH_CEILING);
  });

  it('refuses input that is not text', () => {
    expect(caught(() => decodeResource(undefined as unknown as string))).toMatchObject({
      problem: 'malformed',
    });
  });

  it('never touches Object.prototype', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).join();
    for (const text of [
      '{"__proto__":{"polluted":1}}',
      '{"a":{"__proto__":{"polluted":1}}}',
      '{"constructor":{"prototype":{"polluted":1}}}',
      '{"_links":{"__proto__":{"href":"x"}}}',
    ]) {
      caught(() => decodeResource(text));
    }
    expect(Object.getOwnPropertyNames(Object.prototype).join()).toBe(before);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('never turns an enumerable key of Object.prototype into a property, link or embedded rel', () => {
    Object.defineProperty(Object.prototype, 'polluted', {
      value: { href: '/x' },
      enumerable: true,
      configurable: true,
      writable: true,
    });
    try {
      const decoded = decodeResource(
        '{"rel":"me","name":"A","_links":{"self":{"href":"/me"}},"_embedded":{"x":{"y":1}}}',
      );
      expect(Object.keys(decoded.properties)).toEqual(['name']);
      expect(Object.keys(decoded.links)).toEqual(['self']);
      expect(Object.keys(decoded.embedded)).toEqual(['x']);
      expect(Object.keys((decoded.embedded.x as { properties: object }).properties)).toEqual(['y']);
    } finally {
      delete (Object.prototype as { polluted?: unknown }).polluted;
    }
  });

  it('keeps the prototype names as ordinary values', () => {
    expect(
      decodeResource('{"name":"__proto__","_links":{"x":{"href":"constructor"}}}').properties.name,
    ).toBe('__proto__');
  });
});
