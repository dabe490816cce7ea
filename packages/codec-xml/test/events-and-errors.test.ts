import type { EventBatch, UcwaErrorBody } from '@ucwa/model';
import { describe, expect, test } from 'vitest';
import { decodeError, decodeEventBatch, encodeError, encodeEventBatch } from '../src/index.ts';

const NS = 'xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa"';

describe('event batches', () => {
  const batch: EventBatch = {
    href: '/ucwa/v1/applications/1/events?ack=1',
    next: '/ucwa/v1/applications/1/events?ack=2&low=600&timeout=900',
    senders: [
      {
        rel: 'conversation',
        href: '/c/1',
        events: [
          {
            type: 'added',
            link: { rel: 'participant', href: '/c/1/p/2', title: 'Jo' },
            in: { rel: 'participants', href: '/c/1/p' },
          },
          {
            type: 'completed',
            link: { rel: 'messagingInvitation', href: '/i/3' },
            status: 'failure',
            reason: { code: 'Gone', subcode: 'Declined', message: 'The invitation was declined.' },
          },
          {
            type: 'started',
            link: { rel: 'onlineMeetingInvitation', href: '/i/4' },
            status: 'success',
          },
        ],
      },
      { rel: 'me', href: '/me', events: [{ type: 'updated', link: { rel: 'me', href: '/me' } }] },
      {
        rel: 'conversation',
        href: '/c/1',
        events: [
          {
            type: 'deleted',
            link: { rel: 'messaging', href: '/c/1/m' },
            resource: {
              rel: 'messaging',
              href: '/c/1/m',
              properties: { state: 'Disconnected' },
              links: { self: { rel: 'self', href: '/c/1/m' } },
              embedded: {},
            },
          },
        ],
      },
    ],
  };

  test('round trip keeps senders, events and their order', () => {
    expect(decodeEventBatch(encodeEventBatch(batch))).toEqual(batch);
  });

  test('the wire form: next link with an escaped query, events named by type', () => {
    const text = encodeEventBatch(batch);
    expect(text).toContain(`<events href="/ucwa/v1/applications/1/events?ack=1" ${NS}>`);
    expect(text).toContain(
      '<link rel="next" href="/ucwa/v1/applications/1/events?ack=2&amp;low=600&amp;timeout=900"/>',
    );
    expect(text).toContain(
      '<added rel="participant" href="/c/1/p/2" title="Jo"><in rel="participants" href="/c/1/p"/></added>',
    );
    expect(text).toContain('<status>Failure</status><reason><code>Gone</code>');
  });

  test('resume and resync batches', () => {
    const resync: EventBatch = { href: '/e?ack=9', resync: '/e?ack=3', senders: [] };
    expect(decodeEventBatch(encodeEventBatch(resync))).toEqual(resync);
    const resume: EventBatch = { href: '/e?ack=9', resume: '/e2?ack=1', senders: [] };
    expect(decodeEventBatch(encodeEventBatch(resume))).toEqual(resume);
  });

  test('tolerant reading: a <link> child as the event link, a status attribute, any case, unknown elements', () => {
    const decoded = decodeEventBatch(`<events href="/e" ${NS}><link rel="next" href="/n"/><unknown/>
<sender rel="me" href="/me"><completed status="Success"><link rel="x" href="/x"/></completed><other/>
<Added rel="y" href="/y"><in rel="c" href="/c"/></Added></sender></events>`);
    expect(decoded.senders[0]?.events).toEqual([
      { type: 'completed', link: { rel: 'x', href: '/x' }, status: 'success' },
      { type: 'added', link: { rel: 'y', href: '/y' }, in: { rel: 'c', href: '/c' } },
    ]);
  });
});

describe('error bodies', () => {
  test('the reference sample (ErrorsAndInformationalMessages.md)', () => {
    const sample = `<?xml version="1.0" encoding="utf-8"?>
<reason xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ${NS}>
 <code>Conflict</code>
 <subcode>AlreadyExists</subcode>
 <message>The requested resource already exists. Please wait and try again.</message>
 <debugInfo />
 <parameters />
</reason>`;
    expect(decodeError(sample)).toEqual({
      code: 'Conflict',
      subcode: 'AlreadyExists',
      message: 'The requested resource already exists. Please wait and try again.',
      debugInfo: {},
      parameters: [],
    });
  });

  test('round trip with parameters, debug info and a link', () => {
    const body: UcwaErrorBody = {
      code: 'BadRequest',
      subcode: 'ParameterValidationFailure',
      message: ' Missing "to" & <subject> ',
      parameters: [
        { name: 'to', value: 'required' },
        { name: 'subject', value: '' },
      ],
      debugInfo: { diagnostics: '1;reason="x"', errorReportId: 'abc' },
      link: { rel: 'help', href: 'https://example.com/help?a=1&b=2' },
    };
    expect(decodeError(encodeError(body))).toEqual(body);
  });

  test('parameters spelled as plain elements are read too', () => {
    const decoded = decodeError(
      `<reason><code>BadRequest</code><parameters><to>required</to></parameters></reason>`,
    );
    expect(decoded.parameters).toEqual([{ name: 'to', value: 'required' }]);
  });
});
