import type { UnknownResource } from '@ucwa/model';

/** A UCWA answer: status, the headers that matter, and the decoded resource, if any. */
export interface UcwaResponse {
  readonly status: number;
  /** The URL that answered (after trusted redirects). */
  readonly url: string;
  readonly headers: Headers;
  /** `X-MS-UcwaVersion`: the resource revision the server served (Versioning.md). */
  readonly ucwaVersion: string | undefined;
  /** The `ETag` header, verbatim (send it back in `If-Match`). */
  readonly etag: string | undefined;
  /** A 201's `Location`, resolved to an absolute URL on a trusted origin. */
  readonly location: string | undefined;
  /** The decoded body; `undefined` for 204 and other empty answers. */
  readonly resource: UnknownResource | undefined;
  /** Whether the resource came from the ETag cache after a 304. */
  readonly fromCache: boolean;
}
