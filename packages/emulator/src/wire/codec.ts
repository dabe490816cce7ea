import type { EventBatch, LinkBag, PropertyBag, UcwaErrorBody, UnknownResource } from '@ucwa/model';

/** A decoded POST/PUT body: properties plus links (a `message` data: URI, say). */
export interface InputBody {
  readonly properties: PropertyBag;
  readonly links: LinkBag;
}

/** What the emulator needs of one wire format (docs/codec-contract.md). */
export interface WireCodec {
  readonly format: 'json' | 'xml';
  /** Media type essences; the first is what the emulator sends. */
  readonly mediaTypes: readonly string[];
  encodeResource(resource: UnknownResource): string;
  encodeEventBatch(batch: EventBatch): string;
  encodeError(body: UcwaErrorBody): string;
  decodeInput(text: string, maxBytes: number): InputBody;
}
