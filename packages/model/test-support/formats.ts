// The two codecs' formats for the shared arbitraries (arbitraries.ts): what JSON and XML
// each carry through encode → decode unchanged.
import type { PropertyBag, PropertyValue } from '@ucwa/model';
import { isForbiddenName } from '@ucwa/model/codec';
import fc from 'fast-check';
import { type Format, type ModelArbitraries, modelArbitraries } from './arbitraries.ts';

const edgeText = ['&', '<b>&</b>', '&amp;', '"quoted"', 'back\\slash', 'Zoë 日本 😀', '', ']]>'];

/** JSON carries any string but one that is exactly `/Date(...)/`: that is a date by contract. */
const jsonText = fc
  .oneof(
    fc.string(),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 8 }),
    fc.constantFrom(...edgeText, '/Date(', ')/'),
  )
  .filter((s) => !(s.startsWith('/Date(') && s.endsWith(')/')));

/** A JSON key: not a prototype name, nor one that means something else in a resource. */
const jsonName = fc
  .oneof(
    fc.string({ maxLength: 10 }),
    fc.constantFrom('subject', 'to', 'émoji😀', 'a b', '$ref', '0'),
  )
  .filter((s) => !isForbiddenName(s) && !['rel', '_links', '_embedded', 'self'].includes(s));

const jsonNumber = fc
  .oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }))
  .filter((n) => !Object.is(n, -0));

/** Any property value: JSON types, dates, and arrays and objects of them. */
const jsonValue: fc.Arbitrary<PropertyValue> = fc.letrec<{ value: PropertyValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    jsonText,
    jsonNumber,
    fc.boolean(),
    fc.constant(null),
    fc.date({ noInvalidDate: true }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(jsonName, tie('value'), { maxKeys: 4, noNullPrototype: true }),
  ),
})).value;

export const jsonFormat: Format = {
  text: jsonText,
  name: jsonName,
  href: fc.oneof(
    fc.webUrl({ withQueryParameters: true }),
    fc.constantFrom(
      '/ucwa/v1/applications/192/events?ack=1&medium=300',
      '/ucwa/v1/people/a&amp;b?a=1&b=2',
      'data:text/plain;charset=utf-8,Hi+Tosh%0d%0a',
      '/ucwa/v1/people/zoë@contoso.com',
    ),
    jsonText,
  ),
  revision: fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom(1.5, 2.25)),
  properties: () =>
    fc.dictionary(jsonName, jsonValue, {
      maxKeys: 6,
      noNullPrototype: true,
    }) as fc.Arbitrary<PropertyBag>,
  rel: fc
    .oneof(fc.constantFrom('contact', 'conversation', 'me', 'startMessaging'), jsonName)
    .filter((s) => s !== ''),
  // JSON says single or array itself: empty and one-element arrays included.
  arrays: { minLength: 0, maxLength: 3 },
  // `"rel": "participant"` may sit under the key `acceptedByParticipant`.
  embeddedRelIsKey: false,
  errorWord: fc.oneof(
    fc.constantFrom('BadRequest', 'Conflict', 'NotFound', 'AlreadyExists', 'PGetReplaced'),
    jsonText,
  ),
  parameterName: jsonText,
};

const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Text with the characters XML treats specially, whitespace at the ends, and any Unicode. */
const xmlText = fc
  .oneof(
    fc.string({
      unit: fc.constantFrom(
        'a',
        'Z',
        ' ',
        '\t',
        '\n',
        '\r',
        '&',
        '<',
        '>',
        '"',
        "'",
        ';',
        '&amp;',
        '&lt;',
        ']]>',
        'é',
        '😀',
        '—',
      ),
    }),
    fc.string({ unit: 'grapheme' }),
    fc.string(),
  )
  .filter((s) => !INVALID_XML.test(s));

/** Names for generated properties and rels: never the catalog's, never reserved. */
const xmlName = fc.oneof(
  fc.stringMatching(/^x[A-Za-z0-9]{0,8}$/),
  fc.constantFrom('x&y', 'x y', 'x<é>', 'x"q\'', 'toString', 'hasOwnProperty', 'valueOf'),
);

/** XML text is a string unless the catalog types it: strings, null, lists and objects of them. */
const xmlScalar: fc.Arbitrary<PropertyValue> = fc.oneof(xmlText, fc.constant(null));
const xmlObject: fc.Arbitrary<PropertyValue> = fc.dictionary(
  xmlName,
  fc.oneof(xmlScalar, fc.array(xmlText)),
  { minKeys: 1, maxKeys: 3 },
);
const xmlValue: fc.Arbitrary<PropertyValue> = fc.oneof(
  { weight: 4, arbitrary: xmlScalar },
  { weight: 2, arbitrary: fc.array(fc.oneof(xmlScalar, xmlObject), { maxLength: 4 }) },
  { weight: 1, arbitrary: xmlObject },
);

/** The typed properties the catalog gives `conversation`. */
const conversationProperties = fc.record(
  {
    participantCount: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
    recording: fc.boolean(),
    created: fc.date({
      min: new Date('0000-01-01T00:00:00.000Z'),
      max: new Date('9999-12-31T23:59:59.999Z'),
      noInvalidDate: true,
    }),
    activeModalities: fc.array(xmlText),
  },
  { requiredKeys: [] },
);

export const xmlFormat: Format = {
  text: xmlText,
  name: xmlName,
  href: fc.oneof(
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.constantFrom('/e?ack=2&medium=300&low=600', '/a?x=&amp;', 'data:text/plain,Hello%20%26%3C'),
    xmlText,
  ),
  revision: fc.oneof(fc.integer({ min: 1, max: 99 }), fc.constantFrom(1.5, 2.25)),
  properties: (rel) => {
    const own = fc.dictionary(xmlName, xmlValue, { maxKeys: 5 });
    if (rel !== 'conversation') return own;
    return fc.tuple(own, conversationProperties).map(([o, typed]) => ({ ...o, ...typed }));
  },
  rel: fc.oneof(xmlName, fc.constant('conversation')),
  // One element of a rel the catalog does not know is a single link; two or more an array.
  arrays: { minLength: 2, maxLength: 3 },
  embeddedRelIsKey: true,
  // Error codes are words: the decoder trims them.
  errorWord: fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,12}$/),
  parameterName: fc.oneof(xmlName, fc.constant('')),
};

/** The model's arbitraries as the JSON codec carries them. */
export const json: ModelArbitraries = modelArbitraries(jsonFormat);
/** The model's arbitraries as the XML codec carries them. */
export const xml: ModelArbitraries = modelArbitraries(xmlFormat);
