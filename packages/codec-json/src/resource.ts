import type { DecodeOptions, ResourceInput, UnknownResource } from '@ucwa/model';
import { decodeDocument } from './parse.ts';
import { readResource } from './read-resource.ts';
import { serialize, writeResource } from './write.ts';

/**
 * Decodes a resource document: `rel`, self `href`, properties, `_links` and `_embedded`
 * to any depth, single or array as the document gives them. `etag` comes from
 * `options.etag` (the response header), never from the body.
 *
 * @example
 * ```ts
 * const app = decodeResource(await response.text(), { etag: response.headers.get('ETag') ?? undefined });
 * app.links.events; // { rel: 'events', href: '/ucwa/v1/applications/192/events?ack=1' }
 * ```
 */
export function decodeResource(text: string, options?: DecodeOptions): UnknownResource {
  const resource = decodeDocument(text, options, readResource);
  const etag = options?.etag;
  return etag === undefined ? resource : { ...resource, etag };
}

/**
 * Encodes a resource: every property (unknown ones included, so a GET then PUT plays
 * them all back), `rel`, `_links` and `_embedded`. Dates become `"\/Date(ms)\/"`.
 *
 * @example
 * ```ts
 * const body = encodeResource({ ...meeting, properties: { ...meeting.properties, subject: 'Review' } });
 * ```
 */
export function encodeResource(resource: UnknownResource): string {
  return serialize(writeResource(resource));
}

/**
 * Decodes a POST/PUT body (the emulator's side of {@link encodeInput}): its properties and
 * links; `rel` and `_embedded`, which inputs do not carry, are read and dropped.
 */
export function decodeInput(text: string, options?: DecodeOptions): ResourceInput {
  const { properties, links } = decodeDocument(text, options, readResource);
  return { properties, links };
}

/**
 * Encodes a POST/PUT body: the properties, then `_links` when `input.links` has any.
 *
 * @example
 * ```ts
 * encodeInput({
 *   properties: { operationId: '74cb7404', to: 'sip:john@contoso.com' },
 *   links: { message: { rel: 'message', href: formatDataUri('Hello') } },
 * });
 * ```
 */
export function encodeInput(input: ResourceInput): string {
  // An input is a resource without rel, href and embedded resources.
  const { properties, links = {} } = input;
  return serialize(writeResource({ rel: '', href: '', properties, links, embedded: {} }));
}
