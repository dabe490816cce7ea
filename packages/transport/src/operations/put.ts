import type { PropertyBag, UnknownResource } from '@ucwa/model';
import { isUcwaHttpError } from '../errors/guards.ts';
import { httpFailureMessage } from '../errors/http-error.ts';
import { UcwaPreconditionFailedError } from '../errors/precondition-failed-error.ts';
import type { CallOptions } from '../http/call-options.ts';
import type { TransportContext } from '../http/context.ts';
import { send } from '../http/send.ts';
import { callSpec } from '../http/send-spec.ts';
import type { UcwaResponse } from '../http/ucwa-response.ts';

/**
 * The resource with `changes` applied, as a new object: every property of the last
 * fetched state is kept, the ones the catalog does not know included, so the random
 * property the server checks plays back (HTTP.md).
 */
export function applyChanges(resource: UnknownResource, changes: PropertyBag): UnknownResource {
  const properties: Record<string, PropertyBag[string]> = Object.create(null);
  Object.assign(properties, resource.properties, changes);
  return { ...resource, properties };
}

export interface PutDeps {
  readonly ctx: TransportContext;
  readonly resolve: (href: string, options: CallOptions) => URL;
  readonly refetch: (href: string, options: CallOptions) => Promise<UnknownResource>;
}

/** One conditional PUT: `If-Match` with the resource's ETag. */
async function putOnce(
  deps: PutDeps,
  resource: UnknownResource,
  changes: PropertyBag,
  options: CallOptions,
): Promise<UcwaResponse> {
  const { ctx } = deps;
  const url = deps.resolve(resource.href, options);
  const body = ctx.codecs.send.encodeResource(applyChanges(resource, changes));
  return send(
    ctx,
    {
      ...callSpec('PUT', url, options),
      body,
      contentType: ctx.codecs.mediaType,
      ...(resource.etag === undefined ? {} : { conditional: { 'if-match': resource.etag } }),
    },
    'answer',
  );
}

/**
 * PUT `resource` with `changes`. A 412 becomes {@link UcwaPreconditionFailedError} whose
 * `retry()` refetches, re-applies the changes and PUTs once more; a resource without an
 * ETag is sent without `If-Match` and the server's 428 comes back as a `UcwaHttpError`.
 */
export async function conditionalPut(
  deps: PutDeps,
  resource: UnknownResource,
  changes: PropertyBag,
  options: CallOptions,
): Promise<UcwaResponse> {
  try {
    return await putOnce(deps, resource, changes, options);
  } catch (error) {
    if (!isUcwaHttpError(error) || error.status !== 412) throw error;
    throw new UcwaPreconditionFailedError(httpFailureMessage(error.response), {
      request: error.request,
      response: error.response,
      cause: error,
      retry: async (retryOptions = {}) => {
        const merged = { ...options, ...retryOptions };
        const fresh = await deps.refetch(resource.href, merged);
        return putOnce(deps, fresh, changes, merged);
      },
    });
  }
}
