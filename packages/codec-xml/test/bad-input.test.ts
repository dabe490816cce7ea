import { XMLParser } from 'fast-xml-parser';
import { afterEach, describe, expect, test } from 'vitest';
import { decodeError as decodeErrorBody, decodeEventBatch, decodeResource } from '../src/index.ts';
import { parserOptions } from '../src/parser.ts';
import { decodeError } from './support/expect-decode-error.ts';

const NS = 'xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa"';
const doc = (inner: string, rel = 'conversation') => `<?xml version="1.0" encoding="utf-8"?>
<resource rel="${rel}" href="/c/1" ${NS}>
${inner}
</resource>`;

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
afterEach(() => {
  // Nothing a document says may ever reach Object.prototype.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('refused before parsing', () => {
  test('a DOCTYPE anywhere', () => {
    const error = decodeError(
      () => decodeResource(`<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "b">]>\n<resource/>`),
      'doctype',
    );
    expect(error.position).toEqual({ offset: 22, line: 2, column: 1 });
    decodeError(() => decodeResource(doc('<!-- <!DOCTYPE x> -->')), 'doctype');
  });

  test('an entity declaration anywhere', () => {
    decodeError(
      () => decodeResource(doc('<property name="x"><![CDATA[<!ENTITY x "y">]]></property>')),
      'entity',
    );
  });

  test('the billion laughs', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('')}]><resource>&lol9;</resource>`;
    decodeError(() => decodeResource(bomb), 'doctype');
  });

  test('a document above maxBytes, counted in UTF-8', () => {
    decodeError(() => decodeResource(doc('x'.repeat(5 * 1024 * 1024))), 'too-large');
    const text = doc(`<property name="subject">${'é'.repeat(600)}</property>`);
    expect(text.length).toBeLessThan(1000);
    decodeError(() => decodeResource(text, { maxBytes: 1000 }), 'too-large');
    expect(decodeResource(text, { maxBytes: 2000 }).properties.subject).toBe('é'.repeat(600));
  });

  test('nesting deeper than maxDepth, without recursion', () => {
    const deep = `${'<resource rel="a">'.repeat(100_000)}${'</resource>'.repeat(100_000)}`;
    const error = decodeError(() => decodeResource(deep), 'too-deep');
    expect(error.position?.column).toBe(64 * 18 + 1);
    const ok = `${'<resource rel="a">'.repeat(10)}${'</resource>'.repeat(10)}`;
    decodeError(() => decodeResource(ok, { maxDepth: 9 }), 'too-deep');
    expect(decodeResource(ok, { maxDepth: 10 }).rel).toBe('a');
  });
});

describe('malformed XML', () => {
  test.each([
    ['mismatched close tag', doc('<property name="x">a</link>')],
    ['unclosed element', '<resource rel="a"><property name="x">a</property>'],
    ['truncated start tag', '<resource rel="a"><link rel="b" href="/'],
    ['second root', '<resource rel="a"/><resource rel="b"/>'],
    ['text after the root', '<resource rel="a"/>trailing'],
    ['text before the root', 'leading<resource rel="a"/>'],
    ['no root', '<?xml version="1.0"?>'],
    ['empty', ''],
    ['unescaped <', doc('<property name="x">a < b</property>')],
    ['bare &', doc('<property name="x">a & b</property>')],
    ['bare & in an attribute', doc('<link rel="x" href="/a?b=1&c=2"/>')],
    ['character reference to a control character', doc('<property name="x">&#1;</property>')],
    ['markup declaration', doc('<!ELEMENT x ANY>')],
    ['CDATA outside the root', '<![CDATA[x]]><resource/>'],
    ['unclosed comment', doc('<!-- x')],
    ['property without a name', doc('<property>x</property>')],
    ['link without a rel', doc('<link href="/x"/>')],
    ['embedded resource without a rel', doc('<resource href="/x"/>')],
  ])('%s', (_name, text) => {
    decodeError(() => decodeResource(text), 'malformed');
  });

  test('an unknown entity', () => {
    const error = decodeError(
      () => decodeResource(doc('<property name="x">&nbsp;</property>')),
      'entity',
    );
    expect(error.position?.line).toBe(3);
  });

  test('not a string', () => {
    decodeError(() => decodeResource(42 as unknown as string), 'malformed');
  });
});

describe('wrong root', () => {
  test.each([
    ['resource expected', () => decodeResource('<events href="/e"/>'), '/events'],
    ['events expected', () => decodeEventBatch(doc('')), '/resource'],
    ['reason expected', () => decodeErrorBody('<error/>'), '/error'],
  ])('%s', (_name, decode, path) => {
    expect(decodeError(decode, 'wrong-root').path).toBe(path);
  });
});

describe('names that could reach a prototype', () => {
  test.each([
    ['property name', doc('<property name="__proto__">{"polluted":1}</property>')],
    ['propertyList name', doc('<propertyList name="constructor"><item>x</item></propertyList>')],
    ['link rel', doc('<link rel="prototype" href="/x"/>')],
    ['resource rel', doc('', '__proto__')],
    ['embedded rel', doc('<resource rel="constructor" href="/x"/>')],
    [
      'nested property name',
      doc('<property name="o"><property name="__proto__">1</property></property>'),
    ],
    ['element name', doc('<__proto__><polluted>1</polluted></__proto__>')],
    ['attribute name', doc('<link rel="a" href="/x" __proto__="polluted"/>')],
    ['attribute name constructor', doc('<property name="a" constructor="x">1</property>')],
    ['attribute name prototype on the root', '<resource rel="a" prototype="x"/>'],
  ])('%s is refused', (_name, text) => {
    decodeError(() => decodeResource(text), 'forbidden-name');
  });

  test('the same strings as values are data', () => {
    const resource = decodeResource(
      doc('<property name="subject">__proto__</property><link rel="x" href="constructor"/>'),
    );
    expect(resource.properties.subject).toBe('__proto__');
    expect(resource.links.x).toEqual({ rel: 'x', href: 'constructor' });
  });

  test('methods of Object.prototype as names are plain keys', () => {
    const resource = decodeResource(
      doc(
        '<property name="toString">x</property><link rel="hasOwnProperty" href="/h"/><link rel="hasOwnProperty" href="/i"/>',
      ),
    );
    expect(Object.hasOwn(resource.properties, 'toString')).toBe(true);
    expect(resource.links.hasOwnProperty).toHaveLength(2);
  });

  test('element names someone defined on Object.prototype do not confuse the walk', () => {
    const text = doc('<link rel="a" href="/a"/><property name="p">1</property>');
    const expected = decodeResource(text);
    for (const name of ['property', 'link', 'propertyList', 'resource']) {
      Object.defineProperty(Object.prototype, name, { value: [], configurable: true });
      try {
        expect(decodeResource(text), name).toEqual(expected);
      } finally {
        delete (Object.prototype as Record<string, unknown>)[name];
      }
    }
    expect(expected.properties).toEqual({ p: '1' });
  });

  test('fast-xml-parser itself, with the pinned options, writes no prototype', () => {
    const parser = new XMLParser(parserOptions);
    expect(() => parser.parse('<__proto__><polluted>1</polluted></__proto__>')).toThrow(/SECURITY/);
    expect(() => parser.parse('<a __proto__="x"/>')).toThrow(/SECURITY/);
    expect(() => parser.parse('<a constructor="x"/>')).toThrow(/SECURITY/);
    const parsed = parser.parse(
      '<a toString="x" hasOwnProperty="y"><valueOf>1</valueOf></a>',
    ) as Record<string, unknown>[];
    expect(Object.getPrototypeOf(parsed[0])).toBe(Object.prototype);
  });
});

describe('invalid values, with path and position', () => {
  test('a date', () => {
    const error = decodeError(
      () =>
        decodeResource(
          doc(
            '  <property name="subject">x</property>\n  <property name="created">yesterday</property>',
          ),
        ),
      'invalid-date',
    );
    expect(error.path).toBe('/resource/property[name=created]');
    expect(error.position).toMatchObject({ line: 4, column: 3 });
    expect(error.message).toContain('"yesterday"');
  });

  test.each([
    '2016-02-30T00:00:00Z',
    '2016-13-01T00:00:00Z',
    '2016-01-01T25:00:00Z',
    '2016-01-01T00:00:00+25:00',
    '',
  ])('date %j', (text) => {
    decodeError(
      () => decodeResource(doc(`<property name="created">${text}</property>`)),
      'invalid-date',
    );
  });

  test.each(['yes', '1', '', 'Truee'])('boolean %j', (text) => {
    const error = decodeError(
      () => decodeResource(doc(`<property name="recording">${text}</property>`)),
      'invalid-value',
    );
    expect(error.path).toBe('/resource/property[name=recording]');
  });

  test.each(['eleven', '', '0x10', 'NaN', 'Infinity', '1e999'])('number %j', (text) => {
    decodeError(
      () => decodeResource(doc(`<property name="participantCount">${text}</property>`)),
      'invalid-value',
    );
  });

  test('an item of a typed list, deep inside', () => {
    const text = doc(`<resource rel="conversationLog" href="/l">
  <propertyList name="modalities"><item>Audio</item></propertyList>
  <property name="totalRecipientsCount">many</property>
</resource>`);
    const error = decodeError(() => decodeResource(text), 'invalid-value');
    expect(error.path).toBe(
      '/resource/resource[rel=conversationLog]/property[name=totalRecipientsCount]',
    );
    expect(error.position).toMatchObject({ line: 5, column: 3 });
  });

  test('a revision', () => {
    decodeError(
      () => decodeResource(doc('<link rel="search" href="/s" revision="two"/>')),
      'invalid-value',
    );
  });

  test('an event status and a reason without code', () => {
    const batch = (event: string) =>
      `<events href="/e" ${NS}><sender rel="me" href="/me">${event}</sender></events>`;
    const error = decodeError(
      () =>
        decodeEventBatch(batch('<completed rel="x" href="/x"><status>Maybe</status></completed>')),
      'invalid-value',
    );
    expect(error.path).toBe('/events/sender[rel=me]/completed[rel=x]/status');
    decodeError(
      () => decodeEventBatch(batch('<completed rel="x" href="/x"><reason/></completed>')),
      'invalid-value',
    );
  });
});
