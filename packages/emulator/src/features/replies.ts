import type { UnknownResource } from '@ucwa/model';
import { ucwaError } from '../http/errors.ts';
import type { ErrorReply, RawReply, Reply } from '../http/types.ts';

/** 200 with a resource (JSON or XML by `Accept`; `ETag` from `resource.etag`). */
export const ok = (resource: UnknownResource, status = 200): Reply => ({
  kind: 'resource',
  status,
  resource,
});

/** 204 No Content. */
export const noContent = (): RawReply => ({ kind: 'raw', status: 204 });

/** 201 Created with the new operation or resource in `Location`. */
export const created = (href: string): RawReply => ({
  kind: 'raw',
  status: 201,
  headers: [['Location', href]],
});

/** 409 Conflict saying why (`subcode`: AlreadyExists, AnotherOperationPending, ...). */
export const conflict = (message: string, subcode?: string): ErrorReply =>
  ucwaError(409, subcode, { message });

/** 404 ResourceNotFound. */
export const notFound = (message = 'The resource does not exist.'): ErrorReply =>
  ucwaError(404, 'ResourceNotFound', { message });
