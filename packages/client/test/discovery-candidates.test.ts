import { describe, expect, it } from 'vitest';
import { createRedirectPolicy, discoveryCandidates } from '../src/index.ts';

describe('discoveryCandidates', () => {
  it.each([
    [false, ['https://lyncdiscoverinternal.contoso.com/', 'https://lyncdiscover.contoso.com/']],
    [
      true,
      [
        'https://lyncdiscoverinternal.contoso.com/',
        'http://lyncdiscoverinternal.contoso.com/',
        'https://lyncdiscover.contoso.com/',
        'http://lyncdiscover.contoso.com/',
      ],
    ],
  ])('puts the internal root first, HTTPS before HTTP (http allowed: %s)', (http, expected) => {
    expect(discoveryCandidates(' Contoso.COM ', http)).toEqual(expected);
  });

  it.each(['', 'contoso', '.contoso.com', 'contoso.com.', 'con toso.com', 'evil.com/x', 'a@b.com'])(
    'refuses %j with a TypeError naming it',
    (domain) => {
      expect(() => discoveryCandidates(domain)).toThrow(TypeError);
      expect(() => discoveryCandidates(domain)).toThrow(`"${domain}" is not a domain name`);
    },
  );
});

describe('the default redirect policy', () => {
  const policy = createRedirectPolicy('contoso.com', {
    allow: ['pool.fabrikam.com', 'https://ucwa.example:4443'],
  });
  const ask = (url: string) =>
    policy({
      url: new URL(url),
      from: new URL('https://lyncdiscover.contoso.com/'),
      source: 'discovery',
    });

  it.each([
    ['https://lyncweb.contoso.com/root', true],
    ['https://a.b.contoso.com/root', true],
    ['http://lyncweb.contoso.com/root', false],
    ['https://contoso.com.evil.net/root', false],
    ['https://evilcontoso.com/root', false],
    ['https://pool.fabrikam.com/root', true],
    ['https://other.fabrikam.com/root', false],
    ['https://ucwa.example:4443/root', true],
    ['https://ucwa.example/root', false],
  ])('%s → %s', (url, approved) => {
    expect(ask(url)).toBe(approved);
  });
});
