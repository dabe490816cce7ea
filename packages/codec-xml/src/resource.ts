import type { DecodeOptions, ResourceInput, UnknownResource } from '@ucwa/model';
import { decodeDocument } from './decode-document.ts';
import { readResource } from './read-resource.ts';
import { writeInput, writeResource } from './write-resource.ts';
import { DECLARATION } from './xml-writer.ts';

/**
 * Decodes a UCWA resource document (`<resource rel href>`) into the model.
 * Throws nothing but `UcwaDecodeError`.
 *
 * @example
 * ```ts
 * const app = decodeResource(await response.text(), { etag: response.headers.get('ETag') ?? undefined });
 * app.links.events; // { rel: 'events', href: '/ucwa/v1/applications/192/events?ack=1' }
 * ```
 */
export function decodeResource(text: string, options?: DecodeOptions): UnknownResource {
  return decodeDocument(text, options, ['resource'], (ctx) =>
    readResource(ctx, ctx.doc.root, 'resource', options?.etag),
  );
}

/**
 * Encodes a resource as a UCWA XML document; every property is played back, unknown
 * ones included, so a GET followed by a PUT keeps them (PayloadFormat.md). `etag` is not
 * written: it travels in the `If-Match` header.
 *
 * @example
 * ```ts
 * const body = encodeResource({ ...settings, properties: { ...settings.properties, activePeriod: 'Always' } });
 * ```
 */
export function encodeResource(resource: UnknownResource): string {
  return DECLARATION + writeResource({ nil: false }, resource, true);
}

/**
 * Decodes a POST/PUT body (the emulator's side of `encodeInput`): `<input>`, or
 * `<resource>` as the reference's PUT examples send; its properties and links.
 *
 * @example
 * ```ts
 * const { properties, links } = decodeInput(await request.text());
 * ```
 */
export function decodeInput(text: string, options?: DecodeOptions): ResourceInput {
  return decodeDocument(text, options, ['input', 'resource'], (ctx) => {
    const { properties, links } = readResource(ctx, ctx.doc.root, ctx.doc.rootName);
    return { properties, links };
  });
}

/**
 * Encodes a POST/PUT input as `<input>` with `<property>`/`<propertyList>` elements and
 * `<link>` elements for links (for example a `data:` URI message), as the reference's
 * XML request examples show.
 *
 * @example
 * ```ts
 * encodeInput({ properties: { operationId: '74cb…', to: 'sip:john@contoso.com' } });
 * ```
 */
export function encodeInput(input: ResourceInput): string {
  return DECLARATION + writeInput(input);
}
