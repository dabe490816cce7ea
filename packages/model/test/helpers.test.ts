import {
  compareRevisions,
  embeddedCardinality,
  findLink,
  findLinks,
  hasLink,
  isKnownRel,
  isResource,
  linkCardinality,
  listEmbedded,
  parseRevision,
  revisionOf,
  selectByRevision,
  type UnknownResource,
} from '@ucwa/model';
import { describe, expect, it } from 'vitest';

const link = (rel: string, href = `/ucwa/v1/${rel}`, revision?: number) =>
  revision === undefined ? { rel, href } : { rel, href, revision };

const resource = (
  rel: string,
  links: UnknownResource['links'],
  embedded: UnknownResource['embedded'] = {},
): UnknownResource => ({ rel, href: `/ucwa/v1/${rel}`, properties: {}, links, embedded });

describe('catalog lookups', () => {
  it.each([
    ['audioVideo', true],
    ['myGroups', true],
    ['resumePhoneAudio', true],
    ['myGroups2', false],
    ['audioVideoo', false],
    ['__proto__', false],
    ['constructor', false],
    ['toString', false],
  ])('isKnownRel(%s) is %s', (rel, known) => {
    expect(isKnownRel(rel)).toBe(known);
  });

  it('knows link and embedded cardinality from the reference', () => {
    expect(linkCardinality('audioVideo', 'stopAudio')).toBe('one');
    expect(linkCardinality('audioVideo', 'nope')).toBeUndefined();
    expect(linkCardinality('nope', 'self')).toBeUndefined();
    expect(linkCardinality('audioVideo', '__proto__')).toBeUndefined();
    expect(embeddedCardinality('myContacts', 'contact')).toBe('many');
    expect(embeddedCardinality('application', 'me')).toBe('one');
  });

  it('narrows by rel', () => {
    const r = resource('audioVideo', {});
    expect(isResource(r, 'audioVideo')).toBe(true);
    expect(isResource(r, 'messaging')).toBe(false);
  });
});

describe('findLink / findLinks', () => {
  const av = resource('audioVideo', {
    stopAudio: link('stopAudio'),
    // A single link that XML decoding could not tell from a one-element list.
    addAudio: [link('addAudio')],
    custom: [link('custom', '/a'), link('custom', '/b')],
  });

  it('returns the single link', () => {
    expect(findLink(av, 'stopAudio')?.href).toBe('/ucwa/v1/stopAudio');
    expect(findLink(av, 'missing')).toBeUndefined();
    expect(findLink(av, '__proto__')).toBeUndefined();
  });

  it('always returns arrays from findLinks', () => {
    expect(findLinks(av, 'stopAudio')).toHaveLength(1);
    expect(findLinks(av, 'addAudio')).toHaveLength(1);
    expect(findLinks(av, 'custom').map((l) => l.href)).toEqual(['/a', '/b']);
    expect(findLinks(av, 'missing')).toEqual([]);
    expect(hasLink(av, 'custom')).toBe(true);
    expect(hasLink(av, 'missing')).toBe(false);
  });

  it('refuses findLink where the resource holds the rel as a collection, even of one', () => {
    // The resource, not the catalog, decides: a one-element list may grow a second link.
    expect(() => findLink(av, 'addAudio')).toThrow(/findLinks\(resource, 'addAudio'\)/);
    expect(() => findLink(av, 'custom')).toThrow(TypeError);
    // conversations carries one "conversation" link per conversation; the codecs decode
    // the rel to an array (XML from the catalog, JSON as servers send it).
    expect(linkCardinality('conversations', 'conversation')).toBe('many');
    const list = resource('conversations', { conversation: [link('conversation', '/c/1')] });
    expect(() => findLink(list, 'conversation')).toThrow(/findLinks\(resource, 'conversation'\)/);
    expect(findLinks(list, 'conversation')).toHaveLength(1);
  });
});

describe('listEmbedded', () => {
  const contact = (n: number) => resource('contact', { self: link('self', `/c/${n}`) });
  const me = resource('me', {});
  const app = resource('application', {}, { me, contact: [contact(1), contact(2)] });

  it('flattens all embedded resources in document order', () => {
    expect(listEmbedded(app).map((r) => r.rel)).toEqual(['me', 'contact', 'contact']);
  });

  it('lists one rel', () => {
    expect(listEmbedded(app, 'contact')).toHaveLength(2);
    expect(listEmbedded(app, 'me')).toEqual([me]);
    expect(listEmbedded(app, 'nothing')).toEqual([]);
    expect(listEmbedded(app, '__proto__')).toEqual([]);
  });
});

describe('revisions (Versioning.md)', () => {
  it.each([
    ['1', 1],
    ['2', 2],
    ['2.5', 2.5],
    [' 3 ', 3],
    ['x', undefined],
    ['', undefined],
    ['1e3', undefined],
    ['-1', undefined],
  ])('parseRevision(%j) = %s', (text, value) => {
    expect(parseRevision(text)).toBe(value);
  });

  it('compares as floats', () => {
    expect(compareRevisions('2', '10')).toBeLessThan(0);
    expect(compareRevisions(2.1, '2')).toBeGreaterThan(0);
    expect(compareRevisions('3', 3)).toBe(0);
    expect(() => compareRevisions('a', 1)).toThrow(RangeError);
  });

  it('treats a missing revision as 1 and selects the first good enough link', () => {
    expect(revisionOf({})).toBe(1);
    const links = [link('contacts', '/v1'), link('contacts', '/v2', 2), link('contacts', '/v3', 3)];
    expect(selectByRevision(links, 1)?.href).toBe('/v1');
    expect(selectByRevision(links, 2)?.href).toBe('/v2');
    expect(selectByRevision(links, 2.5)?.href).toBe('/v3');
    expect(selectByRevision(links, 4)).toBeUndefined();
  });
});
