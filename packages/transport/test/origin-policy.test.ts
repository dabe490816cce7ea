import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUcwaOriginError } from '../src/index.ts';
import { createOriginPolicy, isLoopbackHost } from '../src/origin-policy.ts';
import { redactUrl } from '../src/redact.ts';

describe('origin policy', () => {
  const policy = createOriginPolicy('https://pool.contoso.test', ['https://pool2.contoso.test']);

  it.each([
    ['/ucwa/oauth/v1/applications', 'https://pool.contoso.test/ucwa/oauth/v1/applications'],
    ['https://pool2.contoso.test/ucwa/x', 'https://pool2.contoso.test/ucwa/x'],
    ['/ucwa/search?query=a%20b', 'https://pool.contoso.test/ucwa/search?query=a+b&limit=3'],
  ])('resolves %s', (href, expected) => {
    const url = policy.resolve(href, href.includes('search') ? { query: { limit: 3 } } : {});
    expect(url.href).toBe(expected);
  });

  it('keeps server query parameters and appends new ones without string concatenation', () => {
    const url = policy.resolve('/ucwa/events?ack=1&timeout=180', {
      query: { priority: 'High', list: ['a', 'b'], skip: undefined },
    });
    expect([...url.searchParams]).toEqual([
      ['ack', '1'],
      ['timeout', '180'],
      ['priority', 'High'],
      ['list', 'a'],
      ['list', 'b'],
    ]);
  });

  it.each([
    ['another origin', 'https://evil.test/ucwa'],
    ['a protocol-relative href', '//evil.test/ucwa'],
    ['another port', 'https://pool.contoso.test:8443/ucwa'],
    ['plain http to a trusted host name', 'http://pool.contoso.test/ucwa'],
    ['user info', 'https://user:pw@pool.contoso.test/ucwa'],
    ['javascript:', 'javascript:alert(1)'],
    ['a blob: URL carrying a trusted origin', 'blob:https://pool.contoso.test/0f3e'],
  ])('refuses %s', (_name, href) => {
    let caught: unknown;
    try {
      policy.resolve(href);
    } catch (error) {
      caught = error;
    }
    expect(isUcwaOriginError(caught)).toBe(true);
  });

  it.each([
    ['http://127.0.0.1:8080', true],
    ['http://127.8.9.10', true],
    ['http://localhost:1', true],
    ['http://[::1]:3000', true],
    ['http://10.0.0.1', false],
    ['http://example.test', false],
  ])('http origin %s allowed: %s', (origin, allowed) => {
    expect(isLoopbackHost(new URL(origin).hostname)).toBe(allowed);
    const create = () => createOriginPolicy(origin);
    if (allowed) expect(create).not.toThrow();
    else expect(create).toThrow(/loopback/);
  });

  it('trusts an approved origin afterwards', () => {
    const p = createOriginPolicy('https://a.test');
    expect(() => p.resolve('https://b.test/x')).toThrow();
    p.trust('https://b.test');
    expect(p.resolve('https://b.test/x').href).toBe('https://b.test/x');
  });

  it('redacts secrets in URLs', () => {
    expect(redactUrl('https://u:p@a.test/x?access_token=abc&ms_rtc_renew=cwt&ok=1')).toBe(
      'https://a.test/x?access_token=%5BREDACTED%5D&ms_rtc_renew=%5BREDACTED%5D&ok=1',
    );
  });
});

describe('hrefs from the server (property)', () => {
  const policy = createOriginPolicy('https://pool.contoso.test');
  // Characters a URL parser treats specially at the start of a path, mixed with plain ones.
  const tricky = fc.constantFrom(
    '/',
    '\\',
    '\t',
    '\n',
    '\r',
    ' ',
    '.',
    '@',
    ':',
    '%2F',
    'evil.test',
  );

  it('whatever follows a leading /, the result is on a trusted origin or refused', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(tricky, fc.string()), { maxLength: 6 }), (pieces) => {
        const href = `/${pieces.join('')}`;
        let url: URL;
        try {
          url = policy.resolve(href);
        } catch (error) {
          expect(isUcwaOriginError(error)).toBe(true);
          return;
        }
        expect(url.origin).toBe('https://pool.contoso.test');
        expect(url.username + url.password).toBe('');
      }),
      { numRuns: 2_000 },
    );
  });
});
