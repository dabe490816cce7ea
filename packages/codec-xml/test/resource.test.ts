import { matchesMediaType } from '@ucwa/model';
import { describe, expect, test } from 'vitest';
import {
  decodeInput,
  decodeResource,
  encodeInput,
  encodeResource,
  mediaTypes,
} from '../src/index.ts';

const NS = 'xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa"';

describe('mediaTypes', () => {
  test('sends the UCWA type first and reads application/xml, parameters ignored', () => {
    expect(mediaTypes[0]).toBe('application/vnd.microsoft.com.ucwa+xml');
    expect(matchesMediaType('application/xml; charset=utf-8', mediaTypes)).toBe(true);
    expect(
      matchesMediaType('Application/Vnd.Microsoft.Com.Ucwa+XML;charset="utf-8"', mediaTypes),
    ).toBe(true);
    expect(matchesMediaType('application/json', mediaTypes)).toBe(false);
  });
});

describe('decodeResource', () => {
  test('links by rel, cardinality from the catalog or repetition, title and revision', () => {
    const resource = decodeResource(`<resource rel="conversations" href="/cs" ${NS}>
  <link rel="conversation" href="/c/1" title="Weekly sync"/>
  <link rel="unknownRel" href="/u/1" revision="2"/>
  <link rel="repeated" href="/r/1"/>
  <link rel="repeated" href="/r/2"/>
</resource>`);
    expect(resource.links).toEqual({
      self: { rel: 'self', href: '/cs' },
      conversation: [{ rel: 'conversation', href: '/c/1', title: 'Weekly sync' }],
      unknownRel: { rel: 'unknownRel', href: '/u/1', revision: 2 },
      repeated: [
        { rel: 'repeated', href: '/r/1' },
        { rel: 'repeated', href: '/r/2' },
      ],
    });
  });

  test('embedded resources to any depth, cardinality from the catalog', () => {
    const resource = decodeResource(`<resource rel="applications" href="/a" ${NS}>
  <resource rel="application" href="/a/1">
    <resource rel="me" href="/a/1/me"><resource rel="x" href="/x"><resource rel="y" href="/y"/></resource></resource>
  </resource>
</resource>`);
    const application = resource.embedded.application;
    expect(Array.isArray(application)).toBe(true);
    const me = (application as readonly { embedded: Record<string, unknown> }[])[0]?.embedded.me;
    expect(me).toMatchObject({
      rel: 'me',
      embedded: { x: { rel: 'x', embedded: { y: { rel: 'y', href: '/y' } } } },
    });
  });

  test('properties typed by the catalog; unknown ones stay text', () => {
    const resource = decodeResource(`<resource rel="conversation" href="/c" ${NS}>
  <property name="participantCount">4</property>
  <property name="recording">True</property>
  <property name="readLocally">false</property>
  <property name="created">2016-09-26T16:20:23.9946221-07:00</property>
  <propertyList name="activeModalities"><item>Messaging</item><item>Audio</item></propertyList>
  <propertyList name="empty"/>
  <property name="unknownCount">4</property>
  <property name="unknownFlag">True</property>
  <property name="subject">  Quarterly &amp; &lt;sales&gt; — café  </property>
  <property name="cdata"><![CDATA[<b>&amp;</b>]]></property>
  <property name="nothing"/>
  <property name="nil" xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>
  <property name="refs">&#233;&#x1F600;&quot;&apos;</property>
  <property name="dotNetNil" i:nil="true" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"/>
</resource>`);
    expect(resource.properties).toEqual({
      participantCount: 4,
      recording: true,
      readLocally: false,
      created: new Date(Date.UTC(2016, 8, 26, 23, 20, 23, 994)),
      activeModalities: ['Messaging', 'Audio'],
      empty: [],
      unknownCount: '4',
      unknownFlag: 'True',
      subject: '  Quarterly & <sales> — café  ',
      cdata: '<b>&amp;</b>',
      nothing: '',
      nil: null,
      refs: 'é😀"\'',
      dotNetNil: null,
    });
  });

  test('dates: Z, no offset (UTC), date only', () => {
    const at = (text: string) =>
      (
        decodeResource(
          `<resource rel="conversation"><property name="created">${text}</property></resource>`,
        ).properties.created as Date
      ).toISOString();
    expect(at('2016-09-26T16:20:23Z')).toBe('2016-09-26T16:20:23.000Z');
    expect(at('2016-09-26T16:20:23.5')).toBe('2016-09-26T16:20:23.500Z');
    expect(at('2016-09-26')).toBe('2016-09-26T00:00:00.000Z');
    expect(at(' 2016-09-26T16:20:23+0130 ')).toBe('2016-09-26T14:50:23.000Z');
  });

  test('etag only from options; self link from href; rel property never a property', () => {
    const resource = decodeResource(
      `<resource href="/p" ${NS}><property name="rel">phone</property><property name="etag">1</property></resource>`,
      { etag: '"abc"' },
    );
    expect(resource).toEqual({
      rel: 'phone',
      href: '/p',
      etag: '"abc"',
      properties: { etag: '1' },
      links: { self: { rel: 'self', href: '/p' } },
      embedded: {},
    });
    expect(decodeResource('<resource rel="x"/>')).toEqual({
      rel: 'x',
      href: '',
      properties: {},
      links: {},
      embedded: {},
    });
  });

  test('a byte order mark, comments and processing instructions are skipped', () => {
    const resource = decodeResource(
      `\uFEFF<?xml version="1.0"?><!-- c --><resource rel="x"><!-- c --><?pi x?><property name="a">1<!-- c -->2</property></resource>`,
    );
    expect(resource.properties.a).toBe('12');
  });

  test('CRLF in text becomes LF (XML end-of-line handling); &#13; keeps a CR', () => {
    const resource = decodeResource(
      '<resource rel="x"><property name="a">1\r\n2&#13;</property></resource>',
    );
    expect(resource.properties.a).toBe('1\n2\r');
  });
});

describe('encodeResource', () => {
  test('declares the UCWA namespace and escapes text and attributes', () => {
    const text = encodeResource({
      rel: 'conversation',
      href: '/c?a=1&b="2"',
      properties: {
        subject: 'a & b < c > d',
        created: new Date(0),
        recording: false,
        participantCount: 3,
        nothing: null,
      },
      links: {
        self: { rel: 'self', href: '/c?a=1&b="2"' },
        x: { rel: 'x', href: "/x?q='1'", title: 'T\tab' },
      },
      embedded: {},
    });
    expect(text).toBe(
      '<?xml version="1.0" encoding="utf-8"?>' +
        '<resource rel="conversation" href="/c?a=1&amp;b=&quot;2&quot;" xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        '<link rel="x" href="/x?q=&apos;1&apos;" title="T&#9;ab"/>' +
        '<property name="subject">a &amp; b &lt; c &gt; d</property>' +
        '<property name="created">1970-01-01T00:00:00.000Z</property>' +
        '<property name="recording">False</property>' +
        '<property name="participantCount">3</property>' +
        '<property name="nothing" xsi:nil="true"/>' +
        '</resource>',
    );
  });

  test('plays back unknown properties, objects as nested properties', () => {
    const resource = {
      rel: 'callForwardingSettings',
      href: '/s',
      properties: { '5a5e...': 'please pass me in a PUT request', bag: { a: '1', list: ['x'] } },
      links: { self: { rel: 'self', href: '/s' } },
      embedded: {},
    };
    expect(decodeResource(encodeResource(resource))).toEqual(resource);
  });

  test('refuses what XML or the contract cannot carry', () => {
    const base = { rel: 'x', href: '', links: {}, embedded: {} };
    expect(() => encodeResource({ ...base, properties: { rel: 'y' } })).toThrow(TypeError);
    expect(() => encodeResource({ ...base, properties: { a: 'bell\u0007' } })).toThrow(TypeError);
    expect(() => encodeResource({ ...base, properties: { a: Number.NaN } })).toThrow(TypeError);
    expect(() => encodeResource({ ...base, properties: { a: new Date(Number.NaN) } })).toThrow(
      TypeError,
    );
    expect(() => encodeResource({ ...base, properties: { a: [['nested']] } })).toThrow(TypeError);
    expect(() => encodeResource({ ...base, rel: '__proto__', properties: {} })).toThrow(TypeError);
  });
});

describe('encodeInput and decodeInput', () => {
  test('writes <input> with properties, property lists and links', () => {
    const text = encodeInput({
      properties: {
        operationId: '74cb',
        joinAudioMuted: false,
        contactUris: ['sip:a@b', 'sip:c@d'],
      },
      links: { message: { rel: 'message', href: 'data:text/plain,Hello%20%26' } },
    });
    expect(text).toBe(
      '<?xml version="1.0" encoding="utf-8"?><input xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">' +
        '<property name="operationId">74cb</property><property name="joinAudioMuted">False</property>' +
        '<propertyList name="contactUris"><item>sip:a@b</item><item>sip:c@d</item></propertyList>' +
        '<link rel="message" href="data:text/plain,Hello%20%26"/></input>',
    );
    expect(decodeInput(text)).toEqual({
      properties: {
        operationId: '74cb',
        joinAudioMuted: 'False',
        contactUris: ['sip:a@b', 'sip:c@d'],
      },
      links: { message: { rel: 'message', href: 'data:text/plain,Hello%20%26' } },
    });
    expect(encodeInput({ properties: {} })).toBe(
      '<?xml version="1.0" encoding="utf-8"?><input xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa"/>',
    );
  });
});
