import type { OperationHandle, OperationProgress, OperationResult } from '@ucwa/events';
import {
  type CatalogOperation,
  catalogEntry,
  findLinks,
  type Link,
  type PropertyValue,
  type UnknownResource,
} from '@ucwa/model';
import type { QueryParameters, UcwaResponse } from '@ucwa/transport';
import { documentedError } from '../errors/documented-error.ts';
import { missingLink } from '../errors/missing-link.ts';
import { latest } from './navigation.ts';
import type { SessionCore } from './session-core.ts';

/** An operation followed on the event channel (OperationResource.md). */
export interface TrackedOperation {
  readonly operationId: string;
  /** Resolves on `completed` with success; rejects with `UcwaOperationError` on failure. */
  readonly result: Promise<OperationResult>;
  cancel(reason?: unknown): void;
}

/** What `invoke` returns: the answer, and the operation when the server reports one. */
export interface InvokeResult {
  readonly status: number;
  /** A 201's `Location`: the created resource or operation. */
  readonly location: string | undefined;
  /** The resource the answer carried, if any. */
  readonly resource: UnknownResource | undefined;
  /** Set for operations that take an `operationId`. */
  readonly operation: TrackedOperation | undefined;
}

type Input = Readonly<Record<string, PropertyValue | undefined>>;

interface Body {
  properties: Record<string, PropertyValue>;
  links: Record<string, Link>;
  query: Record<string, string>;
}

/** Sorts an input into body properties, body links and query, as the catalog places each. */
function place(rel: string, op: CatalogOperation | undefined, input: Input): Body {
  const body: Body = { properties: {}, links: {}, query: {} };
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const inBody = op?.body.find((p) => p.name === name);
    const inQuery = op?.query.find((p) => p.name === name);
    if (op !== undefined && inBody === undefined && inQuery === undefined) {
      throw new TypeError(`${rel} takes no parameter "${name}"`);
    }
    const parameter = inBody ?? inQuery;
    if (parameter?.type === 'link') body.links[name] = { rel: name, href: String(value) };
    else if (inBody === undefined) body.query[name] = String(value);
    else body.properties[name] = value;
  }
  return body;
}

function takesOperationId(op: CatalogOperation | undefined): boolean {
  return (
    op?.body.some((p) => p.name === 'operationId') === true ||
    op?.query.some((p) => p.name === 'operationId') === true
  );
}

function track(
  core: SessionCore,
  op: CatalogOperation | undefined,
  body: Body,
  onProgress: ((progress: OperationProgress) => void) | undefined,
): OperationHandle | undefined {
  if (!takesOperationId(op) || core.channel === undefined) return undefined;
  const given = body.properties.operationId ?? body.query.operationId;
  const operationId = typeof given === 'string' ? given : core.cfg.randomId();
  if (op?.body.some((p) => p.name === 'operationId') === true)
    body.properties.operationId = operationId;
  else body.query.operationId = operationId;
  const handle = core.channel.trackOperation(
    operationId,
    onProgress === undefined ? undefined : { onProgress },
  );
  // Callers that never look at the outcome must not see an unhandled rejection.
  handle.result.catch(() => {});
  return handle;
}

/**
 * POSTs to the link `rel` of `resource` with `input` placed as the catalog documents it;
 * `onProgress` sees the operation's `started`/`updated` events.
 */
export async function invokeLink(
  core: SessionCore,
  resource: UnknownResource,
  rel: string,
  input: Input = {},
  signal?: AbortSignal,
  onProgress?: (progress: OperationProgress) => void,
): Promise<InvokeResult> {
  const link = findLinks(latest(core, resource), rel)[0];
  if (link === undefined) throw missingLink(resource, rel);
  const op = catalogEntry(rel)?.operations.POST;
  const body = place(rel, op, input);
  const handle = track(core, op, body, onProgress);
  const hasBody = Object.keys(body.properties).length + Object.keys(body.links).length > 0;
  let answer: UcwaResponse;
  try {
    answer = await core.transport.post(
      core.key(link.href),
      hasBody ? { properties: body.properties, links: body.links } : undefined,
      { query: body.query as QueryParameters, ...(signal === undefined ? {} : { signal }) },
    );
  } catch (error) {
    handle?.cancel(error);
    throw documentedError(error, rel, 'POST');
  }
  if (answer.resource !== undefined) core.store.seed(answer.resource);
  return {
    status: answer.status,
    location: answer.location,
    resource: answer.resource,
    operation:
      handle === undefined
        ? undefined
        : {
            operationId: handle.operationId,
            result: handle.result,
            cancel: (reason?: unknown) => handle.cancel(reason),
          },
  };
}
