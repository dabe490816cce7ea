import { dataUriText, formatDataUri, parseDataUri, UcwaDecodeError } from '@ucwa/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('parseDataUri (RFC 2397)', () => {
  it('reads percent-encoded text with a charset', () => {
    const d = parseDataUri('data:text/plain;charset=utf-8,Hello%2C%20world%20%E2%9C%93');
    expect(d.mediaType).toBe('text/plain');
    expect(d.parameters.charset).toBe('utf-8');
    expect(d.base64).toBe(false);
    expect(dataUriText(d)).toBe('Hello, world ✓');
  });

  it('reads base64 html', () => {
    const d = parseDataUri('data:text/html;base64,PGI+aGk8L2I+');
    expect(d.mediaType).toBe('text/html');
    expect(d.base64).toBe(true);
    expect(dataUriText(d)).toBe('<b>hi</b>');
  });

  it('defaults to text/plain;charset=US-ASCII', () => {
    const d = parseDataUri('data:,A%20brief%20note');
    expect(d.mediaType).toBe('text/plain');
    expect(d.parameters.charset).toBe('US-ASCII');
    expect(dataUriText(d)).toBe('A brief note');
  });

  it('reads the charset the URI names', () => {
    const d = parseDataUri('data:text/plain;charset=iso-8859-1,caf%E9');
    expect(dataUriText(d)).toBe('café');
  });

  it.each([
    ['http://x/y', 'does not start'],
    ['data:text/plain', 'no comma'],
    ['data:text/plain,%zz', 'percent-escape'],
    ['data:text/plain;base64,@@@', 'base64'],
    ['data:text;charset=utf-8,x', 'media type'],
    ['data:text/plain;charset,x', 'parameter'],
  ])('refuses %j (%s)', (uri, why) => {
    expect(() => parseDataUri(uri)).toThrow(UcwaDecodeError);
    expect(() => parseDataUri(uri)).toThrow(why);
  });
});

describe('formatDataUri', () => {
  it('writes the forms UCWA messages use', () => {
    expect(formatDataUri('Hi & bye')).toBe('data:text/plain;charset=utf-8,Hi%20%26%20bye');
    expect(formatDataUri('<b>x</b>', { mediaType: 'text/html', base64: true })).toBe(
      'data:text/html;charset=utf-8;base64,PGI+eDwvYj4=',
    );
  });

  it('round-trips any text, percent-encoded or base64', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.boolean(),
        fc.constantFrom('text/plain', 'text/html'),
        (text, base64, mediaType) => {
          const uri = formatDataUri(text, { mediaType, base64 });
          const parsed = parseDataUri(uri);
          expect(parsed.mediaType).toBe(mediaType);
          expect(dataUriText(parsed)).toBe(text.toWellFormed());
        },
      ),
      { numRuns: 500 },
    );
  });

  it('round-trips bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.boolean(), (bytes, base64) => {
        const uri = formatDataUri(bytes, { mediaType: 'application/octet-stream', base64 });
        expect(parseDataUri(uri).bytes).toEqual(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws anything but UcwaDecodeError on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string(), (tail) => {
        try {
          dataUriText(parseDataUri(`data:${tail}`));
        } catch (error) {
          expect(error).toBeInstanceOf(UcwaDecodeError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
