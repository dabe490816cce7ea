import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { decodeEventBatch, decodeInput, decodeResource, isUcwaDecodeError } from '../src/index.ts';
import { examples, xmlRoot } from './support/spec.ts';

const xmlResponses = examples((e) => e.kind === 'response' && e.format === 'xml');
const resourceResponses = xmlResponses.filter((e) => xmlRoot(e.body) === 'resource');
const otherResponses = xmlResponses.filter((e) => xmlRoot(e.body) !== 'resource');
const xmlRequests = examples((e) => e.kind === 'request' && e.format === 'xml');

describe('the reference XML examples (packages/model/spec/ucwa-2.0.json)', () => {
  test('counts, as measured', () => {
    expect(xmlResponses).toHaveLength(151);
    expect(resourceResponses).toHaveLength(148);
    // OPTIONS metadata (2) and makeMeAvailable2's operationsQueued are not resources.
    expect(otherResponses.map((e) => xmlRoot(e.body)).sort()).toEqual([
      'operationsQueued',
      'optionsMetadata',
      'optionsMetadata',
    ]);
    expect(xmlRequests).toHaveLength(55);
  });

  test.each(
    resourceResponses.map((e) => [`${e.resource} ${e.method} (${e.example.status})`, e] as const),
  )('response %s decodes', (_name, { body }) => {
    const resource = decodeResource(body);
    expect(typeof resource.rel).toBe('string');
  });

  test('only the three renegotiation answers lack a rel and href (they name no resource)', () => {
    const bare = resourceResponses.filter((e) => decodeResource(e.body).rel === '');
    expect(bare.map((e) => `${e.resource} ${e.method}`)).toEqual([
      'renegotiations POST',
      'resumeAudio POST',
      'resumeAudioVideo POST',
    ]);
    for (const e of bare) expect(decodeResource(e.body).href).toBe('');
  });

  test.each(otherResponses.map((e) => [`${e.resource} ${e.method}`, e] as const))(
    'non-resource response %s is refused as wrong-root',
    (_name, { body }) => {
      expect(() => decodeResource(body)).toThrow(
        expect.objectContaining({ problem: 'wrong-root' }),
      );
    },
  );

  test.each(
    xmlRequests.map((e) => [`${e.resource} ${e.method} (${e.example.status})`, e] as const),
  )('request %s decodes as an input', (_name, { body }) => {
    const input = decodeInput(body);
    expect(Object.keys(input.properties).length).toBeGreaterThan(0);
  });

  test('a PUT body without a rel attribute takes its rel from <property name="rel">', () => {
    const put = xmlRequests.find(
      (e) => e.resource === 'callForwardingSettings' && e.method === 'PUT',
    );
    expect(put).toBeDefined();
    const resource = decodeResource(put?.body ?? '');
    expect(resource.rel).toBe('callForwardingSettings');
    expect(resource.properties).not.toHaveProperty('rel');
    expect(resource.properties.activePeriod).toBe('Workhours');
  });
});

describe('the XML event sample (EventChannelDetails.md)', () => {
  const text = readFileSync(
    new URL('./fixtures/event-channel-sample.xml', import.meta.url),
    'utf8',
  );

  test('decodes to senders and events in document order', () => {
    const batch = decodeEventBatch(text);
    expect(batch.href).toBe('/ucwa/oauth/v1/applications/102/events?ack=1');
    expect(batch.next).toBe('/ucwa/oauth/v1/applications/102/events?ack=2');
    expect(batch.senders.map((s) => s.rel)).toEqual(['communication', 'me']);
    const [communication, me] = batch.senders;
    expect(me?.events.map((e) => [e.type, e.link.rel])).toEqual([
      ['updated', 'me'],
      ['added', 'presence'],
      ['added', 'note'],
      ['added', 'location'],
    ]);
    const resource = communication?.events[0]?.resource;
    expect(resource?.rel).toBe('communication');
    expect(resource?.properties).toEqual({
      '56de7bbf-1081-43e6-bbf2-1cabf3224c83': 'please pass this in a PUT request',
      supportedModalities: ['Messaging'],
      supportedMessageFormats: ['Plain'],
      etag: '2943169141',
    });
    expect(resource?.links.startMessaging).toEqual({
      rel: 'startMessaging',
      href: '/ucwa/oauth/v1/applications/102/communication/messagingInvitations',
    });
  });

  test('is not a resource', () => {
    let error: unknown;
    try {
      decodeResource(text);
    } catch (caught) {
      error = caught;
    }
    expect(isUcwaDecodeError(error)).toBe(true);
    expect(error).toMatchObject({
      problem: 'wrong-root',
      path: '/events',
      position: { line: 3, column: 1 },
    });
  });
});
