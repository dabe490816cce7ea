import { isUcwaDecodeError, matchesMediaType, parseMediaType, UcwaDecodeError } from '@ucwa/model';
import { describe, expect, it } from 'vitest';

describe('parseMediaType', () => {
  it.each([
    ['application/json', 'application/json', {}],
    [
      'application/vnd.microsoft.com.ucwa+json; charset=utf-8',
      'application/vnd.microsoft.com.ucwa+json',
      { charset: 'utf-8' },
    ],
    ['Application/XML;Charset="UTF-8"', 'application/xml', { charset: 'UTF-8' }],
    ['multipart/batching; boundary="a;b"', 'multipart/batching', { boundary: 'a;b' }],
    ['text/plain; a=1; a=2', 'text/plain', { a: '1' }],
  ])('%s', (text, essence, parameters) => {
    const m = parseMediaType(text);
    expect(m.essence).toBe(essence);
    expect({ ...m.parameters }).toEqual(parameters);
  });

  it.each(['', 'json', '/json', 'application/', 'a/b; =x', 'a/b; x', 'a b/c'])(
    'refuses %j with a typed error',
    (text) => {
      let caught: unknown;
      try {
        parseMediaType(text);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(UcwaDecodeError);
      expect(isUcwaDecodeError(caught)).toBe(true);
      expect((caught as UcwaDecodeError).problem).toBe('content-type');
      expect((caught as Error).message).toContain(JSON.stringify(text));
    },
  );

  it('keeps __proto__ as a plain parameter name', () => {
    const m = parseMediaType('a/b; __proto__=x');
    expect(Object.getPrototypeOf(m.parameters)).toBeNull();
    expect(Object.entries(m.parameters)).toEqual([['__proto__', 'x']]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('matchesMediaType', () => {
  const json = ['application/json', 'application/vnd.microsoft.com.ucwa+json'];
  it.each([
    ['application/json; charset=utf-8', true],
    ['APPLICATION/VND.MICROSOFT.COM.UCWA+JSON', true],
    ['application/xml', false],
    ['garbage', false],
  ])('%s -> %s', (header, expected) => {
    expect(matchesMediaType(header, json)).toBe(expected);
  });
});
