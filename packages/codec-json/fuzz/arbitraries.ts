// fast-check arbitraries of the model: resources, event batches and error bodies that
// the JSON codec must carry through encode → decode unchanged.
import type {
  EventBatch,
  EventSender,
  Link,
  PropertyValue,
  UcwaErrorBody,
  UcwaEvent,
  UnknownResource,
} from '@ucwa/model';
import fc from 'fast-check';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const RESERVED = new Set(['rel', '_links', '_embedded']);

/** Text with the characters that break naive codecs: markup, entities, non-ASCII, quotes. */
export const text: fc.Arbitrary<string> = fc
  .oneof(
    fc.string(),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 8 }),
    fc.constantFrom(
      '&',
      '<b>&</b>',
      '&amp;',
      '"quoted"',
      'back\\slash',
      'Zoë 日本 😀',
      '/Date(',
      ')/',
      '',
    ),
  )
  // A string that is exactly `/Date(...)/` is a date by contract: it cannot stay a string.
  .filter((s) => !(s.startsWith('/Date(') && s.endsWith(')/')));

/** Hrefs, with query strings and entity-looking text that must survive as is. */
export const href: fc.Arbitrary<string> = fc.oneof(
  fc.webUrl({ withQueryParameters: true }),
  fc.constantFrom(
    '/ucwa/v1/applications/192/events?ack=1&medium=300',
    '/ucwa/v1/people/a&amp;b?a=1&b=2',
    'data:text/plain;charset=utf-8,Hi+Tosh%0d%0a',
    '/ucwa/v1/people/zoë@contoso.com',
  ),
  text,
);

/** A name usable as a key: not a prototype name, nor `rel`/`_links`/`_embedded`. */
export const name: fc.Arbitrary<string> = fc
  .oneof(
    fc.string({ maxLength: 10 }),
    fc.constantFrom('subject', 'to', 'émoji😀', 'a b', '$ref', '0'),
  )
  .filter((s) => !FORBIDDEN.has(s) && !RESERVED.has(s) && s !== 'self');

const rel = fc
  .oneof(fc.constantFrom('contact', 'conversation', 'me', 'startMessaging'), name)
  .filter((s) => s !== '');

const number = fc
  .oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }))
  .filter((n) => !Object.is(n, -0));

const date = fc.date({ noInvalidDate: true });

const dictionary = <T>(value: fc.Arbitrary<T>, maxKeys = 4) =>
  fc.dictionary(name, value, { maxKeys, noNullPrototype: true });

/** Any property value: JSON types, dates, and arrays and objects of them. */
export const propertyValue: fc.Arbitrary<PropertyValue> = fc.letrec<{ value: PropertyValue }>(
  (tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      text,
      number,
      fc.boolean(),
      fc.constant(null),
      date,
      fc.array(tie('value'), { maxLength: 4 }),
      dictionary(tie('value')),
    ),
  }),
).value;

export function linkArbitrary(relArbitrary: fc.Arbitrary<string> = rel): fc.Arbitrary<Link> {
  return fc.record(
    { rel: relArbitrary, href, title: text, revision: fc.integer({ min: 1, max: 1_000_000 }) },
    { requiredKeys: ['rel', 'href'] },
  );
}

/** Links by rel; every link's rel is its key, as decoding makes it. */
const linkBag = fc
  .dictionary(rel, fc.oneof(linkArbitrary(), fc.array(linkArbitrary(), { maxLength: 3 })), {
    maxKeys: 4,
    noNullPrototype: true,
  })
  .map((bag) => {
    const out: { [rel: string]: Link | readonly Link[] } = {};
    for (const [key, value] of Object.entries(bag)) {
      out[key] = Array.isArray(value)
        ? value.map((link: Link) => ({ ...link, rel: key }))
        : { ...(value as Link), rel: key };
    }
    return out;
  });

/** Resources embedding resources, to `depth` levels. */
export function resourceArbitrary(depth = 3): fc.Arbitrary<UnknownResource> {
  const leaf = fc.constant({});
  const embedded: fc.Arbitrary<UnknownResource['embedded']> =
    depth === 0
      ? leaf
      : fc.oneof(
          leaf,
          fc.dictionary(
            rel,
            fc.oneof(
              resourceArbitrary(depth - 1),
              fc.array(resourceArbitrary(depth - 1), { maxLength: 2 }),
            ),
            { maxKeys: 2, noNullPrototype: true },
          ),
        );
  return fc
    .record({
      rel,
      href: fc.oneof(fc.constant(''), href),
      properties: dictionary(propertyValue, 6),
      links: linkBag,
      embedded,
    })
    .map(({ href, links, ...rest }) => ({
      ...rest,
      href,
      // The self link is the href, present exactly when the resource has one.
      links: href === '' ? links : { self: { rel: 'self', href }, ...links },
    }));
}

export const errorBody: fc.Arbitrary<UcwaErrorBody> = fc.record(
  {
    code: fc.constantFrom('BadRequest', 'Conflict', 'NotFound', 'ServiceFailure', 'SomethingNew'),
    subcode: fc.oneof(fc.constantFrom('AlreadyExists', 'PGetReplaced'), text),
    message: text,
    parameters: fc.array(fc.record({ name: text, value: text }), { maxLength: 3 }),
    debugInfo: dictionary(text),
    link: linkArbitrary(),
  },
  { requiredKeys: ['code'] },
);

const event: fc.Arbitrary<UcwaEvent> = fc.record(
  {
    type: fc.constantFrom('added', 'updated', 'deleted', 'started', 'completed'),
    link: linkArbitrary(),
    in: linkArbitrary(),
    resource: resourceArbitrary(1),
    status: fc.constantFrom('success', 'failure'),
    reason: errorBody,
  },
  { requiredKeys: ['type', 'link'] },
);

const sender: fc.Arbitrary<EventSender> = fc.record({
  rel,
  href,
  events: fc.array(event, { maxLength: 3 }),
});

export const eventBatch: fc.Arbitrary<EventBatch> = fc
  .tuple(
    href,
    fc.option(fc.tuple(fc.constantFrom('next', 'resume', 'resync'), href), { nil: undefined }),
    fc.array(sender, { maxLength: 3 }),
  )
  .map(([self, where, senders]) => ({
    href: self,
    ...(where === undefined ? {} : { [where[0]]: where[1] }),
    senders,
  }));
