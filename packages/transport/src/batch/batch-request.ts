import type { UnknownResource } from '@ucwa/model';
import type { ResourceInput } from '../codecs.ts';
import type { UcwaHttpError } from '../errors/http-error.ts';
import type { UcwaOriginError } from '../errors/origin-error.ts';
import type { UcwaResponseError } from '../errors/response-error.ts';

/** One request inside a batch (BatchingRequests.md). */
export interface BatchRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly href: string;
  /** The rel the href came from; `events`, photo rels and `batch` are refused. */
  readonly rel?: string;
  /** A POST body (properties and links). */
  readonly input?: ResourceInput;
  /** A PUT: the full resource (every property plays back) and its ETag as `If-Match`. */
  readonly resource?: UnknownResource;
}

/**
 * Why one part failed: its failure status (`UcwaHttpError`), or a part the transport refused:
 * unreadable, too large, of an unknown content type (`UcwaResponseError`), or with a
 * `Location` on an untrusted origin (`UcwaOriginError`).
 */
export type BatchPartError = UcwaHttpError | UcwaResponseError | UcwaOriginError;

/** One part of a batch answer, in the order of the requests. */
export type BatchResult =
  | {
      readonly ok: true;
      readonly status: number;
      readonly headers: Headers;
      readonly resource: UnknownResource | undefined;
      /** A 201's `Location`, absolute and on a trusted origin. */
      readonly location: string | undefined;
    }
  | {
      readonly ok: false;
      readonly status: number;
      readonly error: BatchPartError;
    };

// BatchingRequests.md: no batch inside a batch, no photo and no events request.
const FORBIDDEN_RELS = new Set(['batch', 'events', 'photo', 'myphoto', 'contactphoto']);
const FORBIDDEN_PATHS = [/\/batch\/?$/i, /\/events\/?$/i, /\/photos?(\/|$)/i];

/** Throws a `TypeError` for a request the reference does not allow in a batch. */
export function assertBatchable(request: BatchRequest, url: URL): void {
  const rel = request.rel?.toLowerCase();
  if (
    (rel !== undefined && FORBIDDEN_RELS.has(rel)) ||
    FORBIDDEN_PATHS.some((p) => p.test(url.pathname))
  ) {
    throw new TypeError(
      `${request.method} ${url.pathname} cannot go in a batch: batch, photo and events requests are not allowed (BatchingRequests.md)`,
    );
  }
  if (request.method === 'GET' && (request.input !== undefined || request.resource !== undefined)) {
    throw new TypeError(`GET ${url.pathname} in a batch cannot carry a body`);
  }
}
