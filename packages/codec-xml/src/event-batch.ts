import type { DecodeOptions, EventBatch } from '@ucwa/model';
import { decodeDocument } from './decode-document.ts';
import { readEventBatch } from './read-event-batch.ts';
import { writeEventBatch } from './write-event-batch.ts';
import { DECLARATION } from './xml-writer.ts';

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
  return decodeDocument(text, options, ['events'], (ctx) => readEventBatch(ctx, ctx.doc.root));
}

/**
 * Encodes an event channel answer as `<events href>` with `<link rel="next">` (or
 * `resume` / `resync`) and `<sender>` blocks in order (EventChannelDetails.md); the
 * emulator serves these.
 *
 * @example
 * ```ts
 * encodeEventBatch({ href: '/events?ack=1', next: '/events?ack=2', senders: [] });
 * ```
 */
export function encodeEventBatch(batch: EventBatch): string {
  return DECLARATION + writeEventBatch(batch);
}
