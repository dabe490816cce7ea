import * as json from '@ucwa/codec-json';
import type { EmbeddedBag, UnknownResource } from '@ucwa/model';
import { describe, expect, test } from 'vitest';
import * as xml from '../src/index.ts';
import { normalize } from './support/normalize.ts';
import { examples, xmlRoot } from './support/spec.ts';

const label = (e: { resource: string; method: string; example: { kind: string } }) =>
  `${e.resource} ${e.method} ${e.example.kind}`;

const xmlResources = examples((e) => e.format === 'xml' && e.kind === 'response').filter(
  (e) => xmlRoot(e.body) === 'resource',
);
const xmlInputs = examples((e) => e.format === 'xml' && e.kind === 'request');
const jsonResources = examples((e) => e.format === 'json' && e.kind === 'response').filter((e) => {
  const value: unknown = JSON.parse(e.body);
  // OPTIONS metadata and operationsQueued are JSON objects but no resources.
  return (
    typeof value === 'object' &&
    value !== null &&
    !('metadata' in value) &&
    !('operations' in value)
  );
});
const jsonInputs = examples((e) => e.format === 'json' && e.kind === 'request');
const jsonEvents = examples((e) => e.kind === 'event');

/**
 * XML names an embedded resource by its relationship, the only rel it has room for; a
 * JSON embedded resource may carry its type rel under the relationship key instead
 * (`"rel": "participant"` under `acceptedByParticipant`). Transcoding keeps the key.
 */
function relationshipRels(resource: UnknownResource): UnknownResource {
  const embedded: { [rel: string]: UnknownResource | UnknownResource[] } = {};
  for (const [rel, value] of Object.entries(resource.embedded)) {
    const fix = (r: UnknownResource) => ({ ...relationshipRels(r), rel });
    embedded[rel] = Array.isArray(value)
      ? (value as UnknownResource[]).map(fix)
      : fix(value as UnknownResource);
  }
  return { ...resource, embedded: embedded as EmbeddedBag };
}

describe('XML -> model -> XML -> model', () => {
  test('counts, as measured', () => {
    expect(xmlResources).toHaveLength(148);
    expect(xmlInputs).toHaveLength(55);
  });

  test.each(xmlResources.map((e) => [label(e), e.body] as const))('%s', (_name, body) => {
    const model = xml.decodeResource(body);
    expect(xml.decodeResource(xml.encodeResource(model))).toEqual(model);
  });

  // PUT bodies are <resource> documents (typed by their rel), POST bodies <input>.
  test.each(xmlInputs.map((e) => [label(e), e.body] as const))('%s', (_name, body) => {
    if (xmlRoot(body) === 'resource') {
      const resource = xml.decodeResource(body);
      expect(xml.decodeResource(xml.encodeResource(resource))).toEqual(resource);
    } else {
      const input = xml.decodeInput(body);
      expect(xml.decodeInput(xml.encodeInput(input))).toEqual(input);
    }
  });
});

describe('JSON -> model -> XML -> model -> JSON', () => {
  test('counts, as measured', () => {
    expect(jsonResources).toHaveLength(148);
    expect(jsonInputs).toHaveLength(55);
    expect(jsonEvents).toHaveLength(124);
  });

  test.each(jsonResources.map((e) => [label(e), e.body] as const))('%s', (_name, body) => {
    const fromJson = json.decodeResource(body);
    const fromXml = xml.decodeResource(xml.encodeResource(fromJson));
    const again = json.decodeResource(json.encodeResource(fromXml));
    // JSON carries every model exactly; XML only up to the documented differences.
    expect(again).toEqual(fromXml);
    expect(normalize(fromXml)).toEqual(normalize(relationshipRels(fromJson)));
  });

  test.each(jsonInputs.map((e) => [label(e), e.body] as const))('%s', (_name, body) => {
    const fromJson = json.decodeInput(body);
    const fromXml = xml.decodeInput(xml.encodeInput(fromJson));
    expect(json.decodeInput(json.encodeInput(fromXml))).toEqual(fromXml);
    const asResource = (input: {
      properties: UnknownResource['properties'];
      links?: UnknownResource['links'];
    }) =>
      normalize({
        rel: '',
        href: '',
        properties: input.properties,
        links: input.links ?? {},
        embedded: {},
      });
    expect(asResource(fromXml)).toEqual(asResource(fromJson));
  });

  test.each(jsonEvents.map((e) => [label(e), e.body] as const))('%s', (_name, body) => {
    const fromJson = json.decodeEventBatch(body);
    const fromXml = xml.decodeEventBatch(xml.encodeEventBatch(fromJson));
    expect(fromXml).toEqual(fromJson);
    expect(json.decodeEventBatch(json.encodeEventBatch(fromXml))).toEqual(fromXml);
  });
});
