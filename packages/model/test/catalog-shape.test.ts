import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conformBatchToCatalog,
  conformToCatalog,
  embeddedCardinality,
  findLinks,
  linkCardinality,
  listEmbedded,
  type UnknownResource,
} from '../src/index.ts';
import { json } from '../test-support/formats.ts';

const link = (rel: string, href: string) => ({ rel, href });
const resource = (
  rel: string,
  links: UnknownResource['links'] = {},
  embedded: UnknownResource['embedded'] = {},
): UnknownResource => ({ rel, href: `/${rel}`, properties: {}, links, embedded });

describe('conformToCatalog', () => {
  it("makes a collection's single link an array (participants of a two-party conversation)", () => {
    expect(linkCardinality('participants', 'participant')).toBe('many');
    const one = resource('participants', {
      self: link('self', '/participants'),
      participant: link('participant', '/participants/bob'),
    });
    const shaped = conformToCatalog(one);
    expect(shaped.links.participant).toEqual([link('participant', '/participants/bob')]);
    expect(shaped.links.self).toEqual(link('self', '/participants'));
    // Nothing mutated; an array stays the same array; a conformed resource comes back as is.
    expect(one.links.participant).toEqual(link('participant', '/participants/bob'));
    expect(conformToCatalog(shaped)).toBe(shaped);
  });

  it('does the same for embedded collections, inside embedded resources too, and leaves unknown rels', () => {
    expect(
      embeddedCardinality('presenceSubscriptionMemberships', 'presenceSubscriptionMembership'),
    ).toBe('many');
    const member = resource('presenceSubscriptionMembership', {
      self: link('self', '/m/1'),
    });
    const inner = resource(
      'presenceSubscriptionMemberships',
      {},
      { presenceSubscriptionMembership: member },
    );
    const outer = resource(
      'somethingUndocumented',
      { x: link('x', '/x') },
      { memberships: inner, other: member },
    );
    const shaped = conformToCatalog(outer);
    expect(shaped.links).toBe(outer.links);
    expect(shaped.embedded.other).toBe(member);
    const shapedInner = shaped.embedded.memberships as UnknownResource;
    expect(shapedInner.embedded.presenceSubscriptionMembership).toEqual([member]);
  });

  it('for any resource: every documented collection an array, nothing else changed, idempotent, input untouched', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          json.resource(2),
          json.resource(2, 'participants'),
          json.resource(1, 'myContacts'),
        ),
        (input) => {
          const before = structuredClone(input);
          const shaped = conformToCatalog(input);
          expect(input).toEqual(before);
          expect(conformToCatalog(shaped)).toBe(shaped);
          const check = (original: UnknownResource, now: UnknownResource): void => {
            for (const rel of Object.keys(original.links)) {
              expect(findLinks(now, rel)).toEqual(findLinks(original, rel));
              if (linkCardinality(original.rel, rel) === 'many')
                expect(Array.isArray(now.links[rel])).toBe(true);
              else expect(now.links[rel]).toBe(original.links[rel]);
            }
            for (const rel of Object.keys(original.embedded)) {
              const was = listEmbedded(original, rel);
              const is = listEmbedded(now, rel);
              expect(is).toHaveLength(was.length);
              if (embeddedCardinality(original.rel, rel) === 'many')
                expect(Array.isArray(now.embedded[rel])).toBe(true);
              for (const [i, item] of was.entries()) check(item, is[i] as UnknownResource);
            }
          };
          check(input, shaped);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("shapes the resources events embed, and leaves a batch's other fields", () => {
    const participants = resource('participants', { participant: link('participant', '/p/1') });
    const batch = {
      href: '/events?ack=1',
      next: '/events?ack=2',
      senders: [
        {
          rel: 'communication',
          href: '/communication',
          events: [
            {
              type: 'updated' as const,
              link: link('participants', '/participants'),
              resource: participants,
            },
            { type: 'deleted' as const, link: link('conversation', '/c/1') },
          ],
        },
      ],
    };
    const shaped = conformBatchToCatalog(batch);
    expect(shaped.next).toBe('/events?ack=2');
    expect(shaped.senders[0]?.events[0]?.resource?.links.participant).toEqual([
      link('participant', '/p/1'),
    ]);
    expect(shaped.senders[0]?.events[1]).toBe(batch.senders[0]?.events[1]);
    // Nothing to shape: the batch itself comes back.
    const plain = {
      ...batch,
      senders: [{ ...batch.senders[0], rel: 'communication', href: '/c', events: [] }],
    };
    expect(conformBatchToCatalog(plain)).toBe(plain);
  });
});
