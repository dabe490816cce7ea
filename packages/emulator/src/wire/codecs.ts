import * as json from '@ucwa/codec-json';
import * as xml from '@ucwa/codec-xml';
import type { UcwaCodec } from '@ucwa/model';
import type { WireCodec } from './codec.ts';

/** A codec module (the `UcwaCodec` surface both packages export) seen through {@link WireCodec}. */
function wire(format: WireCodec['format'], codec: UcwaCodec): WireCodec {
  return {
    format,
    mediaTypes: codec.mediaTypes,
    encodeResource: codec.encodeResource,
    encodeEventBatch: codec.encodeEventBatch,
    encodeError: codec.encodeError,
    decodeInput(text, maxBytes) {
      const input = codec.decodeInput(text, { maxBytes });
      return { properties: input.properties, links: input.links ?? {} };
    },
  };
}

/** The JSON codec of `@ucwa/codec-json`. */
export const jsonCodec: WireCodec = wire('json', json);

/** The XML codec of `@ucwa/codec-xml`. */
export const xmlCodec: WireCodec = wire('xml', xml);
