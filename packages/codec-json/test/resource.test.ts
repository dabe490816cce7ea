import { dataUriText, formatDataUri, matchesMediaType, parseDataUri } from '@ucwa/model';
import { describe, expect, it } from 'vitest';
import {
  decodeInput,
  decodeResource,
  encodeInput,
  encodeResource,
  mediaTypes,
} from '../src/index.ts';
import { responseBody } from './spec-examples.ts';

describe('decodeResource', () => {
  it('reads rel, self href, properties, links and embedded resources', () => {
    const app = decodeResource(responseBody('application', 'GET'));
    expect(app.rel).toBe('application');
    expect(app.href).toBe('/ucwa/v1/applications/192');
    expect(app.properties.userAgent).toBe('ContosoApp/1.0');
    expect(app.properties).not.toHaveProperty('rel');
    expect(app.links.self).toEqual({ rel: 'self', href: '/ucwa/v1/applications/192' });
    expect(app.links.batch).toEqual({ rel: 'batch', href: '/ucwa/v1/applications/192/batch' });
    const me = app.embedded.me;
    expect(me).toMatchObject({ rel: 'me', properties: { name: 'John Doe' } });
    expect(app).not.toHaveProperty('etag');
  });

  it('keeps single links and arrays as given, with title and revision', () => {
    const doc = {
      rel: 'myContacts',
      _links: {
        self: { href: '/c' },
        contact: [{ href: '/p/1', title: 'Alex' }],
        search: { href: '/s', revision: '2' },
        next: { href: '/n', revision: 3 },
      },
    };
    const { links } = decodeResource(JSON.stringify(doc));
    expect(links.contact).toEqual([{ rel: 'contact', href: '/p/1', title: 'Alex' }]);
    expect(links.search).toEqual({ rel: 'search', href: '/s', revision: 2 });
    expect(links.next).toEqual({ rel: 'next', href: '/n', revision: 3 });
  });

  it('reads embedded resources to any depth, rel falling back to the key', () => {
    const doc = {
      rel: 'a',
      _embedded: {
        b: { _links: { self: { href: '/b' } }, _embedded: { c: [{ rel: 'c', x: 1 }, { y: 2 }] } },
      },
    };
    const a = decodeResource(JSON.stringify(doc));
    const b = a.embedded.b as ReturnType<typeof decodeResource>;
    expect(b.rel).toBe('b');
    expect(b.href).toBe('/b');
    expect(b.embedded.c).toEqual([
      { rel: 'c', href: '', properties: { x: 1 }, links: {}, embedded: {} },
      { rel: 'c', href: '', properties: { y: 2 }, links: {}, embedded: {} },
    ]);
  });

  it('takes etag from the options only, never from the body', () => {
    const doc = '{"rel":"me","etag":"body","_links":{"self":{"href":"/me"}}}';
    expect(decodeResource(doc, { etag: '"abc"' }).etag).toBe('"abc"');
    expect(decodeResource(doc).properties.etag).toBe('body');
  });

  it('reads the autodiscovery root and its redirect (RootURL.md)', () => {
    const root = decodeResource(
      '{"_links":{"self":{"href":"https://contoso.com/Autodiscover/AutodiscoverService.svc/root"},' +
        '"user":{"href":"https://contoso.com/Autodiscover/AutodiscoverService.svc/root/oauth/user"},' +
        '"xframe":{"href":"https://contoso.com/Autodiscover/XFrame/XFrame.html"}}}',
    );
    expect(root.rel).toBe('');
    expect(root.href).toBe('https://contoso.com/Autodiscover/AutodiscoverService.svc/root');
    expect(root.links.user).toMatchObject({ rel: 'user' });
    const redirect = decodeResource(
      '{"_links":{"redirect":{"href":"https://contoso.com/Autodiscover/AutodiscoverService.svc/root"}}}',
    );
    expect(redirect.href).toBe('');
    expect(redirect.links.redirect).toMatchObject({ rel: 'redirect' });
  });

  it('reads the user resource of the reference', () => {
    const user = decodeResource(responseBody('user', 'GET'));
    expect(Object.keys(user.links).length).toBeGreaterThan(0);
  });

  it('keeps null, empty arrays and nested objects as properties', () => {
    const { properties } = decodeResource('{"operations":[null],"list":[],"o":{"a":[1,"x"]}}');
    expect(properties).toEqual({ operations: [null], list: [], o: { a: [1, 'x'] } });
  });
});

describe('encodeResource', () => {
  it('writes properties, rel, _links and _embedded, dates as \\/Date(ms)\\/', () => {
    const text = encodeResource({
      rel: 'conversation',
      href: '/c/1',
      properties: {
        subject: 'a&b <c>',
        created: new Date(1474932024822),
        '56de7bbf': 'please pass this in a PUT request',
      },
      links: {
        self: { rel: 'self', href: '/c/1' },
        to: [{ rel: 'to', href: '/p?a=1&b=2', title: 'T' }],
      },
      embedded: {},
    });
    expect(text).toBe(
      '{"subject":"a&b <c>","created":"\\/Date(1474932024822)\\/",' +
        '"56de7bbf":"please pass this in a PUT request","rel":"conversation",' +
        '"_links":{"self":{"href":"/c/1"},"to":[{"href":"/p?a=1&b=2","title":"T"}]}}',
    );
  });

  it('writes a self link from href when the links lack one', () => {
    const text = encodeResource({
      rel: 'me',
      href: '/me',
      properties: {},
      links: {},
      embedded: {},
    });
    expect(JSON.parse(text)).toEqual({ rel: 'me', _links: { self: { href: '/me' } } });
  });

  it('plays back every property of a GET in a PUT, unknown ones included', () => {
    const meeting = decodeResource(responseBody('myOnlineMeeting', 'GET'));
    const put = decodeResource(
      encodeResource({ ...meeting, properties: { ...meeting.properties, subject: 'New' } }),
    );
    expect(Object.keys(put.properties)).toEqual(Object.keys(meeting.properties));
    expect(put.properties.subject).toBe('New');
  });

  it('refuses names JSON cannot carry back', () => {
    const bad = (properties: object) => () =>
      encodeResource({
        rel: 'x',
        href: '',
        properties: properties as never,
        links: {},
        embedded: {},
      });
    expect(bad({ rel: 'y' })).toThrow(TypeError);
    expect(bad({ _links: 'y' })).toThrow(TypeError);
    expect(bad(JSON.parse('{"__proto__":1}'))).toThrow(TypeError);
    expect(bad({ when: new Date(Number.NaN) })).toThrow(TypeError);
  });
});

describe('encodeInput', () => {
  it('writes startMessaging input with its message as a data: link', () => {
    const message = formatDataUri('Hi & <bye> ü');
    const text = encodeInput({
      properties: { operationId: '74cb', to: 'sip:john@contoso.com', importance: 'Urgent' },
      links: { message: { rel: 'message', href: message } },
    });
    expect(JSON.parse(text)).toEqual({
      operationId: '74cb',
      to: 'sip:john@contoso.com',
      importance: 'Urgent',
      _links: { message: { href: message } },
    });
    const input = decodeInput(text);
    const link = input.links?.message;
    expect(link).toEqual({ rel: 'message', href: message });
    expect(dataUriText(parseDataUri((link as { href: string }).href))).toBe('Hi & <bye> ü');
  });

  it('reads the reference base64 message body back through the data: helpers', () => {
    const input = decodeInput('{"_links":{"message":{"href":"data:text/plain;base64,SGVsbG8="}}}');
    const href = (input.links?.message as { href: string } | undefined)?.href ?? '';
    expect(dataUriText(parseDataUri(href))).toBe('Hello');
  });

  it('writes properties only when there are no links, dates escaped', () => {
    expect(encodeInput({ properties: { expirationTime: new Date(0), n: 1 } })).toBe(
      '{"expirationTime":"\\/Date(0)\\/","n":1}',
    );
    expect(encodeInput({ properties: {}, links: {} })).toBe('{}');
  });
});

describe('mediaTypes', () => {
  it('sends the UCWA type and reads both, parameters and case ignored', () => {
    expect(mediaTypes[0]).toBe('application/vnd.microsoft.com.ucwa+json');
    for (const header of [
      'application/json',
      'application/json; charset=utf-8',
      'Application/JSON;charset=UTF-8',
      'application/vnd.microsoft.com.ucwa+json',
    ]) {
      expect(matchesMediaType(header, mediaTypes)).toBe(true);
    }
    expect(matchesMediaType('application/xml', mediaTypes)).toBe(false);
    expect(matchesMediaType('application/vnd.microsoft.com.ucwa+xml', mediaTypes)).toBe(false);
  });
});

describe('a polluted Object.prototype', () => {
  it('does not leak into decoded properties, links or embedded resources', () => {
    Object.defineProperty(Object.prototype, 'injected', {
      value: 'x',
      enumerable: true,
      configurable: true,
      writable: true,
    });
    try {
      const r = decodeResource(
        '{"rel":"me","name":"A","_links":{"self":{"href":"/me"}},"_embedded":{}}',
      );
      expect(Object.keys(r.properties)).toEqual(['name']);
      expect(Object.keys(r.links)).toEqual(['self']);
      expect(Object.keys(r.embedded)).toEqual([]);
    } finally {
      delete (Object.prototype as Record<string, unknown>).injected;
    }
  });
});
