import * as json from '@ucwa/codec-json';
import { conformBatchToCatalog, conformToCatalog } from '@ucwa/model';
import type { Codec, Codecs } from '@ucwa/transport';

/** `codec` with what it decodes shaped by the catalog (collections as arrays). */
function shaped(codec: Codec): Codec {
  return {
    mediaTypes: codec.mediaTypes,
    decodeResource: (text, options) => conformToCatalog(codec.decodeResource(text, options)),
    encodeResource: (resource) => codec.encodeResource(resource),
    encodeInput: (input) => codec.encodeInput(input),
    decodeEventBatch: (text, options) =>
      conformBatchToCatalog(codec.decodeEventBatch(text, options)),
    decodeError: (text, options) => codec.decodeError(text, options),
  };
}

/**
 * The session's codecs (JSON built in, XML when given): every resource they decode,
 * alone or in an event, holds each rel the catalog documents as a collection as an array,
 * as the typed navigation promises (`conformToCatalog`).
 */
export function catalogCodecs(codecs: Codecs | undefined): Codecs {
  const xml = codecs?.xml;
  return { json: shaped(codecs?.json ?? json), ...(xml === undefined ? {} : { xml: shaped(xml) }) };
}
