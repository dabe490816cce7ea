import type { EventBatch, UcwaErrorBody, UnknownResource } from '@ucwa/model';

/** Extra response headers, in order; a name may repeat (`WWW-Authenticate`). */
export type HeaderList = readonly (readonly [name: string, value: string])[];

/** Read access to request headers (names without case); a fetch `Headers` is one. */
export interface RequestHeaders {
  get(name: string): string | null;
  has(name: string): boolean;
}

/** A request as the emulator core sees it, whichever adapter received it. */
export interface EmulatorRequest {
  readonly method: string;
  /** Absolute URL: the emulator's origin plus the request target. */
  readonly url: URL;
  readonly headers: RequestHeaders;
  readonly body: Uint8Array;
  /** Aborted when the client goes away (a P-GET stops waiting). */
  readonly signal: AbortSignal;
  /** A part of a batch: events, batch and photo requests are refused (BatchingRequests.md). */
  readonly batchPart?: boolean;
}

/** A resource, encoded as JSON or XML by the request's `Accept`. */
export interface ResourceReply {
  readonly kind: 'resource';
  readonly status: number;
  readonly resource: UnknownResource;
  readonly headers?: HeaderList;
}

/** An event channel answer, encoded by `Accept`. */
export interface EventsReply {
  readonly kind: 'events';
  readonly status: number;
  readonly batch: EventBatch;
}

/** A UCWA error body (`{code, subcode, message}` / `<reason>`), encoded by `Accept`. */
export interface ErrorReply {
  readonly kind: 'error';
  readonly status: number;
  readonly error: UcwaErrorBody;
  readonly headers?: HeaderList;
}

/** A body sent as is (`204`, OAuth JSON, HTML, images, multipart). */
export interface RawReply {
  readonly kind: 'raw';
  readonly status: number;
  readonly contentType?: string;
  readonly body?: string | Uint8Array;
  readonly headers?: HeaderList;
}

/** What a route handler returns. */
export type Reply = ResourceReply | EventsReply | ErrorReply | RawReply;

/** A fully encoded response, ready for an adapter to write. */
export interface WireResponse {
  readonly status: number;
  readonly headers: HeaderList;
  readonly body: Uint8Array;
  /** Write the headers and half the body, then destroy the connection. */
  readonly drop?: boolean;
}
