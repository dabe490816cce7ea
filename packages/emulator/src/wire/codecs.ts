import * as json from '@ucwa/codec-json';
import * as xml from '@ucwa/codec-xml';
import type { WireCodec } from './codec.ts';

/** The JSON codec of `@ucwa/codec-json`, seen through {@link WireCodec}. */
export const jsonCodec: WireCodec = {
  format: 'json',
  mediaTypes: json.mediaTypes,
  encodeResource: json.encodeResource,
  encodeEventBatch: json.encodeEventBatch,
  encodeError: json.encodeError,
  decodeInput(text, maxBytes) {
    const input = json.decodeInput(text, { maxBytes });
    return { properties: input.properties, links: input.links ?? {} };
  },
};

/** The XML codec of `@ucwa/codec-xml`, seen through {@link WireCodec}. */
export const xmlCodec: WireCodec = {
  format: 'xml',
  mediaTypes: xml.mediaTypes,
  encodeResource: xml.encodeResource,
  encodeEventBatch: xml.encodeEventBatch,
  encodeError: xml.encodeError,
  decodeInput(text, maxBytes) {
    const input = xml.decodeInput(text, { maxBytes });
    return { properties: input.properties, links: input.links ?? {} };
  },
};
