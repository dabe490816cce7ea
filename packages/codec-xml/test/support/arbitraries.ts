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

/**
 * Models in the form this codec decodes to, so `decode(encode(x))` must equal `x`:
 * generated rels are unknown to the catalog (one link or embedded resource is single,
 * two or more an array), embedded resources are keyed by their own rel, a resource
 * with an href has the matching self link, and typed values only appear where the
 * catalog types them (the `conversation` rel).
 */
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Text with the characters XML treats specially, whitespace at the ends, and any Unicode. */
export const text: fc.Arbitrary<string> = fc
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

/** Trimmed, non-empty text (error codes are words; the decoder trims them). */
const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,12}$/);

/** Names for generated properties and rels: never the catalog's, never reserved. */
const name = fc.oneof(
  fc.stringMatching(/^x[A-Za-z0-9]{0,8}$/),
  fc.constantFrom('x&y', 'x y', 'x<é>', 'x"q\'', 'toString', 'hasOwnProperty', 'valueOf'),
);

const href = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom('/e?ack=2&medium=300&low=600', '/a?x=&amp;', 'data:text/plain,Hello%20%26%3C'),
  text,
);

export function link(rel: string): fc.Arbitrary<Link> {
  return fc
    .record(
      {
        href,
        title: text,
        revision: fc.oneof(fc.integer({ min: 1, max: 99 }), fc.constantFrom(1.5, 2.25)),
      },
      { requiredKeys: ['href'] },
    )
    .map((fields) => ({ rel, ...fields }));
}

const date = fc.date({
  min: new Date('0000-01-01T00:00:00.000Z'),
  max: new Date('9999-12-31T23:59:59.999Z'),
  noInvalidDate: true,
});

const scalar: fc.Arbitrary<PropertyValue> = fc.oneof(text, fc.constant(null));
const object: fc.Arbitrary<PropertyValue> = fc.dictionary(name, fc.oneof(scalar, fc.array(text)), {
  minKeys: 1,
  maxKeys: 3,
});
const value: fc.Arbitrary<PropertyValue> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 2, arbitrary: fc.array(fc.oneof(scalar, object), { maxLength: 4 }) },
  { weight: 1, arbitrary: object },
);

/** The typed properties the catalog gives `conversation`. */
const conversationProperties = fc.record(
  {
    participantCount: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
    recording: fc.boolean(),
    created: date,
    activeModalities: fc.array(text),
  },
  { requiredKeys: [] },
);

/** Links of generated rels: one single link, or an array of two or more. */
const links = fc.uniqueArray(name, { maxLength: 4 }).chain((rels) =>
  fc
    .tuple(
      ...rels.map((rel) =>
        fc.oneof(link(rel), fc.array(link(rel), { minLength: 2, maxLength: 3 })),
      ),
    )
    .map((items) => {
      const bag: { [rel: string]: Link | Link[] } = {};
      rels.forEach((rel, i) => {
        bag[rel] = items[i] as Link | Link[];
      });
      return bag;
    }),
);

export function resource(depth: number, rel?: string): fc.Arbitrary<UnknownResource> {
  const embedded =
    depth === 0
      ? fc.constant({})
      : fc
          .uniqueArray(name, { maxLength: 2 })
          .chain((rels) =>
            fc
              .tuple(
                ...rels.map((r) =>
                  fc.oneof(
                    resource(depth - 1, r),
                    fc.array(resource(depth - 1, r), { minLength: 2, maxLength: 2 }),
                  ),
                ),
              )
              .map(
                (items) =>
                  Object.fromEntries(
                    rels.map((r, i) => [r, items[i] as UnknownResource]),
                  ) as UnknownResource['embedded'],
              ),
          );
  return fc
    .record({
      rel: rel === undefined ? fc.oneof(name, fc.constant('conversation')) : fc.constant(rel),
      href: fc.oneof(fc.constant(''), href),
      own: fc.dictionary(name, value, { maxKeys: 5 }),
      typed: conversationProperties,
      links,
      embedded,
    })
    .map(({ rel: r, href: h, own, typed, links: l, embedded: e }) => ({
      rel: r,
      href: h,
      properties: r === 'conversation' ? { ...own, ...typed } : own,
      links: h === '' ? l : { ...l, self: { rel: 'self', href: h } },
      embedded: e,
    }));
}

export const errorBody: fc.Arbitrary<UcwaErrorBody> = fc.record(
  {
    code: word,
    subcode: word,
    message: text,
    parameters: fc.array(fc.record({ name: fc.oneof(name, fc.constant('')), value: text }), {
      maxLength: 3,
    }),
    debugInfo: fc.dictionary(name, text, { maxKeys: 3 }),
    link: link('help'),
  },
  { requiredKeys: ['code'] },
);

const event: fc.Arbitrary<UcwaEvent> = fc
  .record(
    {
      type: fc.constantFrom('added', 'updated', 'deleted', 'started', 'completed'),
      linkRel: name,
      in: link('in'),
      resource: resource(2),
      status: fc.constantFrom('success', 'failure'),
      reason: errorBody,
    },
    { requiredKeys: ['type', 'linkRel'] },
  )
  .chain(({ linkRel, ...rest }) => link(linkRel).map((l) => ({ ...rest, link: l }) as UcwaEvent));

const sender: fc.Arbitrary<EventSender> = fc.record({
  rel: name,
  href,
  events: fc.array(event, { maxLength: 4 }),
});

export const eventBatch: fc.Arbitrary<EventBatch> = fc
  .record({
    href,
    which: fc.constantFrom('next', 'resume', 'resync', 'none'),
    to: href,
    senders: fc.array(sender, { maxLength: 3 }),
  })
  .map(({ href: h, which, to, senders }) =>
    which === 'none' ? { href: h, senders } : { href: h, [which]: to, senders },
  );
