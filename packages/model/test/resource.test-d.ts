import type {
  EmbeddedRelsOf,
  Link,
  LinkRelsOf,
  PropertiesOf,
  Rel,
  Resource,
  UnknownResource,
  VideoSourcesAllowed,
} from '@ucwa/model';
import { isResource } from '@ucwa/model';
import { describe, expectTypeOf, test } from 'vitest';

type AudioVideoRels =
  | 'self'
  | 'addAudio'
  | 'addAudioVideo'
  | 'addVideo'
  | 'audioVideoPolicies'
  | 'audioVideoSession'
  | 'conversation'
  | 'escalateAudio'
  | 'escalateAudioVideo'
  | 'replaceWithPhoneAudio'
  | 'reportMediaDiagnostics'
  | 'stopAudio'
  | 'stopAudioVideo'
  | 'stopVideo'
  | 'videoFreeze'
  | 'videoLockedOnParticipant';

describe("Resource<'audioVideo'>", () => {
  test('exposes exactly the documented properties, typed', () => {
    expectTypeOf<keyof PropertiesOf<'audioVideo'>>().toEqualTypeOf<
      'state' | 'supportsReplaces' | 'videoSourcesAllowed'
    >();
    expectTypeOf<Resource<'audioVideo'>['properties']>().toEqualTypeOf<
      PropertiesOf<'audioVideo'>
    >();
    const av = {} as Resource<'audioVideo'>;
    expectTypeOf(av.properties.state).toEqualTypeOf<string | undefined>();
    expectTypeOf(av.properties.videoSourcesAllowed).toEqualTypeOf<
      VideoSourcesAllowed | undefined
    >();
    expectTypeOf<VideoSourcesAllowed>().toEqualTypeOf<
      'Everyone' | 'OneParticipant' | 'PresentersOnly' | 'Unknown'
    >();
    // @ts-expect-error: not a property of audioVideo
    av.properties.subject;
  });

  test('exposes exactly the 16 documented link rels, single links', () => {
    expectTypeOf<LinkRelsOf<'audioVideo'>>().toEqualTypeOf<AudioVideoRels>();
    const av = {} as Resource<'audioVideo'>;
    expectTypeOf(av.links.stopAudio).toEqualTypeOf<Link | undefined>();
    expectTypeOf(av.rel).toEqualTypeOf<'audioVideo'>();
    // @ts-expect-error: audioVideo has no "messaging" link
    av.links.messaging;
    expectTypeOf<EmbeddedRelsOf<'audioVideo'>>().toEqualTypeOf<never>();
  });

  test('rejects a rel the reference does not document', () => {
    // @ts-expect-error: "audioVideoo" is not a documented rel
    expectTypeOf<Resource<'audioVideoo'>>().toBeObject();
    expectTypeOf<'audioVideoo' extends Rel ? true : false>().toEqualTypeOf<false>();
    expectTypeOf<'audioVideo' extends Rel ? true : false>().toEqualTypeOf<true>();
    // @ts-expect-error: link rels are checked too
    expectTypeOf<LinkRelsOf<'notARel'>>().toBeString();
  });

  test('array links and embedded resources follow the catalog', () => {
    const app = {} as Resource<'application'>;
    expectTypeOf(app.embedded.me).toEqualTypeOf<Resource<'me'> | undefined>();
    const people = {} as Resource<'myContacts'>;
    expectTypeOf(people.embedded.contact).toEqualTypeOf<
      readonly Resource<'contact'>[] | undefined
    >();
  });

  test('isResource narrows a decoded resource and keeps unknown keys reachable', () => {
    const decoded = {} as UnknownResource;
    if (isResource(decoded, 'audioVideo')) {
      expectTypeOf(decoded.properties.videoSourcesAllowed).toEqualTypeOf<
        VideoSourcesAllowed | undefined
      >();
      expectTypeOf(decoded.rel).toEqualTypeOf<'audioVideo'>();
    }
    // Every typed resource is also an UnknownResource.
    expectTypeOf<Resource<'audioVideo'>>().toExtend<UnknownResource>();
  });
});
