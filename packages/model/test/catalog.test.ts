import { catalog, enumerations, isKnownRel, type Rel } from '@ucwa/model';
import { codecCatalog } from '@ucwa/model/codec';
import { describe, expect, it } from 'vitest';

const rels = Object.keys(catalog) as Rel[];

describe('generated catalog', () => {
  it('holds every rel of the reference once, over 238 pages', () => {
    expect(rels.length).toBe(225);
    expect(rels.reduce((n, r) => n + catalog[r].pages.length, 0)).toBe(238);
    expect(Object.keys(enumerations)).toHaveLength(56);
    expect(Object.values(enumerations).reduce((n, v) => n + v.length, 0)).toBe(314);
  });

  it('describes audioVideo as the reference does', () => {
    const av = catalog.audioVideo;
    expect(av.pages).toEqual(['audioVideo_ref.md']);
    expect(av.properties).toEqual({
      state: { type: 'string' },
      supportsReplaces: { type: 'string' },
      videoSourcesAllowed: { type: 'enum', enum: 'VideoSourcesAllowed' },
    });
    expect(Object.keys(av.links)).toHaveLength(16);
    expect(av.events).toEqual([
      { type: 'updated', priority: 'High', sender: 'conversation', resource: 'audioVideo' },
    ]);
    expect(av.operations.GET?.errors.map((e) => `${e.status} ${e.error}/${e.subcode}`)).toEqual([
      '500 ServiceFailure/InvalidExchangeServerVersion',
      '409 Conflict/AlreadyExists',
      '409 Conflict/TooManyGroups',
      '409 Conflict/None',
      '410 Gone/CannotRedirect',
    ]);
    expect(av.scopes).toEqual(['Conversations.Initiate', 'Conversations.Receive']);
  });

  it('marks PUT resources and operation resources', () => {
    expect(catalog.callForwardingSettings.put).toBe(true);
    expect(catalog.audioVideo.put).toBe(false);
    expect(catalog.messagingInvitation.operationResource).toBe(true);
    expect(catalog.messaging.operationResource).toBe(false);
  });

  it('names only known enumerations and rels', () => {
    for (const rel of rels) {
      for (const [name, p] of Object.entries(catalog[rel].properties)) {
        if (p.type === 'enum') expect(enumerations, `${rel}.${name}`).toHaveProperty(p.enum ?? '?');
      }
    }
    for (const rel of Object.keys(codecCatalog)) expect(isKnownRel(rel), rel).toBe(true);
  });

  it('keeps the codec catalog consistent with the full one', () => {
    for (const [rel, shape] of Object.entries(codecCatalog)) {
      const entry = catalog[rel as Rel];
      for (const l of shape.l ?? []) expect(entry.links[l], `${rel} link ${l}`).toBe('many');
      for (const e of shape.e ?? []) expect(entry.embedded[e], `${rel} embedded ${e}`).toBe('many');
      for (const [name, code] of Object.entries(shape.p ?? {})) {
        const p = entry.properties[name];
        expect(p, `${rel}.${name}`).toBeDefined();
        expect(code.endsWith('[]'), `${rel}.${name}`).toBe(p?.array === true);
      }
    }
  });
});
