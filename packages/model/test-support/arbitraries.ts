// fast-check arbitraries of the model, shared by the codecs' round-trip tests: resources,
// inputs, event batches and error bodies that a codec must carry through encode → decode
// unchanged. The structure is written once; a `Format` says what its codec can carry
// (which text, which names, how values are typed, when a rel is an array).
import type {
  EventBatch,
  EventSender,
  Link,
  LinkBag,
  PropertyBag,
  UcwaErrorBody,
  UcwaEvent,
  UnknownResource,
} from '@ucwa/model';
import { eventTypes } from '@ucwa/model/codec';
import fc from 'fast-check';

/** What one codec carries back unchanged, as arbitraries of the model's leaves. */
export interface Format {
  /** Any text: property values, titles, messages. */
  readonly text: fc.Arbitrary<string>;
  /** Names of properties and debug entries. */
  readonly name: fc.Arbitrary<string>;
  readonly href: fc.Arbitrary<string>;
  readonly revision: fc.Arbitrary<number>;
  /** The properties of a resource of `rel`, typed where the codec types them. */
  readonly properties: (rel: string) => fc.Arbitrary<PropertyBag>;
  /** Rels: of resources, and the keys of link and embedded bags, senders, event links. */
  readonly rel: fc.Arbitrary<string>;
  /**
   * How long an array of links or embedded resources of one rel is. XML tells an array
   * only by a repeated element, so its arrays start at two.
   */
  readonly arrays: { readonly minLength: number; readonly maxLength: number };
  /** Whether an embedded resource's rel is its key in the bag (XML has room for one). */
  readonly embeddedRelIsKey: boolean;
  readonly errorWord: fc.Arbitrary<string>;
  readonly parameterName: fc.Arbitrary<string>;
}

/** The model's arbitraries for one format. */
export interface ModelArbitraries {
  link(rel: fc.Arbitrary<string>): fc.Arbitrary<Link>;
  /** Resources embedding resources, `depth` levels deep; `rel` fixes the rel. */
  resource(depth: number, rel?: string): fc.Arbitrary<UnknownResource>;
  readonly errorBody: fc.Arbitrary<UcwaErrorBody>;
  readonly eventBatch: fc.Arbitrary<EventBatch>;
}

/** `{ [key]: item(key) }` for a few distinct keys: one bag of links or embedded resources. */
function bag<T>(
  keys: fc.Arbitrary<string>,
  item: (key: string) => fc.Arbitrary<T>,
  maxKeys: number,
): fc.Arbitrary<{ [key: string]: T }> {
  return fc.uniqueArray(keys, { maxLength: maxKeys }).chain((rels) =>
    fc.tuple(...rels.map(item)).map((items) => {
      // A computed key defines an own property whatever the name.
      const out: { [key: string]: T } = {};
      rels.forEach((rel, i) => {
        out[rel] = items[i] as T;
      });
      return out;
    }),
  );
}

function oneOrMany<T>(format: Format, one: fc.Arbitrary<T>): fc.Arbitrary<T | T[]> {
  return fc.oneof(one, fc.array(one, format.arrays));
}

function linkOf(format: Format, rel: fc.Arbitrary<string>): fc.Arbitrary<Link> {
  return fc.record(
    { rel, href: format.href, title: format.text, revision: format.revision },
    { requiredKeys: ['rel', 'href'] },
  );
}

function resourceOf(
  format: Format,
  depth: number,
  fixedRel?: string,
): fc.Arbitrary<UnknownResource> {
  const links: fc.Arbitrary<LinkBag> = bag(
    format.rel,
    (rel) => oneOrMany(format, linkOf(format, fc.constant(rel))),
    4,
  );
  const embedded: fc.Arbitrary<UnknownResource['embedded']> =
    depth === 0
      ? fc.constant({})
      : bag(
          format.rel,
          (key) =>
            oneOrMany(
              format,
              resourceOf(format, depth - 1, format.embeddedRelIsKey ? key : undefined),
            ),
          2,
        );
  const rel = fixedRel === undefined ? format.rel : fc.constant(fixedRel);
  return rel.chain((r) =>
    fc
      .record({
        href: fc.oneof(fc.constant(''), format.href),
        properties: format.properties(r),
        links,
        embedded,
      })
      .map(({ href, properties, links: l, embedded: e }) => ({
        rel: r,
        href,
        properties,
        // The self link is the href, present exactly when the resource has one.
        links: href === '' ? l : { ...l, self: { rel: 'self', href } },
        embedded: e,
      })),
  );
}

function errorBodyOf(format: Format): fc.Arbitrary<UcwaErrorBody> {
  return fc.record(
    {
      code: format.errorWord,
      subcode: format.errorWord,
      message: format.text,
      parameters: fc.array(fc.record({ name: format.parameterName, value: format.text }), {
        maxLength: 3,
      }),
      debugInfo: fc.dictionary(format.name, format.text, { maxKeys: 3, noNullPrototype: true }),
      link: linkOf(format, fc.constant('help')),
    },
    { requiredKeys: ['code'] },
  );
}

function eventBatchOf(
  format: Format,
  errorBody: fc.Arbitrary<UcwaErrorBody>,
): fc.Arbitrary<EventBatch> {
  const event: fc.Arbitrary<UcwaEvent> = fc.record(
    {
      type: fc.constantFrom(...eventTypes),
      link: linkOf(format, format.rel),
      in: linkOf(format, fc.constant('in')),
      resource: resourceOf(format, 1),
      status: fc.constantFrom('success', 'failure'),
      reason: errorBody,
    },
    { requiredKeys: ['type', 'link'] },
  );
  const sender: fc.Arbitrary<EventSender> = fc.record({
    rel: format.rel,
    href: format.href,
    events: fc.array(event, { maxLength: 3 }),
  });
  return fc
    .record({
      href: format.href,
      which: fc.constantFrom('next', 'resume', 'resync', 'none'),
      to: format.href,
      senders: fc.array(sender, { maxLength: 3 }),
    })
    .map(({ href, which, to, senders }) =>
      which === 'none' ? { href, senders } : { href, [which]: to, senders },
    );
}

/** The model's arbitraries for one format. */
export function modelArbitraries(format: Format): ModelArbitraries {
  const errorBody = errorBodyOf(format);
  return {
    link: (rel) => linkOf(format, rel),
    resource: (depth, rel) => resourceOf(format, depth, rel),
    errorBody,
    eventBatch: eventBatchOf(format, errorBody),
  };
}
