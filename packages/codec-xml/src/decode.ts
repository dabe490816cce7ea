import {
  type EventBatch,
  type ResourceInput,
  UcwaDecodeError,
  type UcwaErrorBody,
  type UnknownResource,
} from '@ucwa/model';
import { contextOf, type DecodeContext } from './decode-context.ts';
import { type DecodeOptions, limitsOf } from './options.ts';
import { parseDocument } from './parser.ts';
import { readErrorBody } from './read-error-body.ts';
import { readEventBatch } from './read-event-batch.ts';
import { readResource } from './read-resource.ts';

/**
 * Parses `text`, checks its root element is one of `roots` and runs `read` on it. Whatever goes
 * wrong leaves as a `UcwaDecodeError` (docs/codec-contract.md), a bug in a reader too.
 */
function decode<T>(
  text: string,
  options: DecodeOptions | undefined,
  roots: readonly string[],
  read: (ctx: DecodeContext) => T,
): T {
  try {
    return read(contextOf(parseDocument(text, limitsOf(options), roots)));
  } catch (error) {
    if (error instanceof UcwaDecodeError) throw error;
    throw new UcwaDecodeError(`could not decode the XML: ${String(error)}`, {
      problem: 'malformed',
      format: 'xml',
      cause: error,
    });
  }
}

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
  return decode(text, options, ['resource'], (ctx) =>
    readResource(ctx, ctx.doc.root, 'resource', options?.etag),
  );
}

/**
 * Decodes an event channel answer (`<events href>`, EventChannelDetails.md).
 * Throws nothing but `UcwaDecodeError`.
 *
 * @example
 * ```ts
 * const batch = decodeEventBatch(text);
 * for (const sender of batch.senders) for (const event of sender.events) handle(event);
 * const next = batch.next ?? batch.resume ?? batch.resync;
 * ```
 */
export function decodeEventBatch(text: string, options?: DecodeOptions): EventBatch {
  return decode(text, options, ['events'], (ctx) => readEventBatch(ctx, ctx.doc.root));
}

/**
 * Decodes an error body (`<reason>`, ErrorsAndInformationalMessages.md).
 * Throws nothing but `UcwaDecodeError`.
 *
 * @example
 * ```ts
 * const { code, subcode, message } = decodeError(await response.text());
 * ```
 */
export function decodeError(text: string, options?: DecodeOptions): UcwaErrorBody {
  return decode(text, options, ['reason'], (ctx) => readErrorBody(ctx, ctx.doc.root));
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
  return decode(text, options, ['input', 'resource'], (ctx) => {
    const { properties, links } = readResource(ctx, ctx.doc.root, ctx.doc.rootName);
    return { properties, links };
  });
}
