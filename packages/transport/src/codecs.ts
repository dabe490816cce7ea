import * as json from '@ucwa/codec-json';
import type { ResourceInput, UcwaCodec } from '@ucwa/model';
import { matchesMediaType } from '@ucwa/model';

export type { ResourceInput };

/**
 * What the transport needs of a codec: the reading and client-side writing part of the
 * surface both `@ucwa/codec-json` and `@ucwa/codec-xml` export (`UcwaCodec` in
 * `@ucwa/model`), so either module namespace can be passed as it is.
 */
export type Codec = Pick<
  UcwaCodec,
  | 'mediaTypes'
  | 'decodeResource'
  | 'encodeResource'
  | 'encodeInput'
  | 'decodeEventBatch'
  | 'decodeError'
>;

/**
 * A body that is not a resource input: the text of a message (`sendMessage` takes
 * `text/plain` or `text/html`, SendAnIM.md), sent as it is with its content type.
 */
export interface TextBody {
  readonly text: string;
  /** e.g. `text/plain; charset=utf-8` or `text/html; charset=utf-8`. */
  readonly contentType: string;
}

/** The wire format a transport sends (`Accept`, `Content-Type`). */
export type Format = 'json' | 'xml';

/** Codecs by format. JSON is built in; XML is passed in so JSON-only bundles never load it. */
export interface Codecs {
  readonly json?: Codec;
  readonly xml?: Codec;
}

/** The codecs a transport works with: the one it sends and all it can read. */
export interface CodecSet {
  readonly send: Codec;
  /** The media type sent in `Accept` and `Content-Type`. */
  readonly mediaType: string;
  /** The codec reading `contentType`, or `undefined` when none does. */
  forContentType(contentType: string | null): Codec | undefined;
}

/** The JSON codec, the default. */
export const jsonCodec: Codec = json;

/** Picks the sending codec for `format`; throws a `TypeError` when it was not provided. */
export function createCodecSet(format: Format, codecs: Codecs = {}): CodecSet {
  const all: Codec[] = [];
  const jsonOne = codecs.json ?? jsonCodec;
  if (codecs.xml !== undefined) all.push(codecs.xml);
  all.unshift(jsonOne);
  const send = format === 'json' ? jsonOne : codecs.xml;
  if (send === undefined) {
    throw new TypeError(
      "format 'xml' needs an XML codec: createTransport({ format: 'xml', codecs: { xml } }) with `import * as xml from '@ucwa/codec-xml'`",
    );
  }
  const mediaType = send.mediaTypes[0];
  if (mediaType === undefined) throw new TypeError(`the ${format} codec lists no media type`);
  const seen = new Map<string, Codec | undefined>();
  return {
    send,
    mediaType,
    forContentType(contentType) {
      if (contentType === null) return undefined;
      // Servers send one or two distinct Content-Type strings: parse each once.
      if (seen.has(contentType)) return seen.get(contentType);
      const codec = all.find((c) => matchesMediaType(contentType, c.mediaTypes));
      if (seen.size < 16) seen.set(contentType, codec);
      return codec;
    },
  };
}
