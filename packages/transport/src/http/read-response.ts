import type { EventBatch, UcwaErrorBody, UnknownResource } from '@ucwa/model';
import type { Codec } from '../codecs.ts';
import { UcwaHttpError } from '../errors/http-error.ts';
import { UcwaOriginError, UcwaResponseError } from '../errors/other-errors.ts';
import { redactUrl } from '../redact.ts';
import type { TransportContext } from './context.ts';
import type { Sent } from './send.ts';
import type { UcwaResponse } from './ucwa-response.ts';

/** The error for a failure status, with the UCWA error body decoded when there is one. */
export async function httpError(ctx: TransportContext, sent: Sent): Promise<UcwaHttpError> {
  const { response } = sent;
  const text = await response.text();
  const codec = ctx.codecs.forContentType(response.headers.get('content-type'));
  let body: UcwaErrorBody | undefined;
  if (codec !== undefined && text.trim() !== '') {
    try {
      body = codec.decodeError(text, decodeOptions(ctx));
    } catch {
      // A body that is not a UCWA error (a proxy's page): the status still says what failed.
    }
  }
  return new UcwaHttpError({
    request: sent.request,
    response: {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      body,
    },
  });
}

const NO_OPTIONS: { maxBytes?: number; etag?: string } = Object.freeze({});

function decodeOptions(ctx: TransportContext, etag?: string): { maxBytes?: number; etag?: string } {
  if (ctx.maxBytes === undefined && etag === undefined) return NO_OPTIONS;
  return {
    ...(ctx.maxBytes === undefined ? {} : { maxBytes: ctx.maxBytes }),
    ...(etag === undefined ? {} : { etag }),
  };
}

/** The codec for a non-empty body, or a {@link UcwaResponseError} naming the content type. */
function codecFor(ctx: TransportContext, sent: Sent): Codec {
  const contentType = sent.response.headers.get('content-type');
  const codec = ctx.codecs.forContentType(contentType);
  if (codec === undefined) {
    throw new UcwaResponseError(
      `unexpected content type ${JSON.stringify(contentType ?? '(none)')}`,
      {
        request: sent.request,
        status: sent.response.status,
        contentType: contentType ?? undefined,
      },
    );
  }
  return codec;
}

function decodeFailed(sent: Sent, cause: unknown): UcwaResponseError {
  const contentType = sent.response.headers.get('content-type') ?? undefined;
  const why = cause instanceof Error ? cause.message : String(cause);
  return new UcwaResponseError(`the body would not decode: ${why}`, {
    request: sent.request,
    status: sent.response.status,
    contentType,
    cause,
  });
}

/** A 201's `Location`, absolute, refused with {@link UcwaOriginError} when not trusted. */
function locationOf(ctx: TransportContext, sent: Sent): string | undefined {
  const location = sent.response.headers.get('location');
  if (location === null) return undefined;
  const url = new URL(location, sent.url);
  if (!ctx.policy.isTrusted(url)) {
    throw new UcwaOriginError(
      `Location ${redactUrl(url)} is not on a trusted origin`,
      redactUrl(url),
      {
        request: sent.request,
      },
    );
  }
  return url.href;
}

/** Reads a successful answer into a {@link UcwaResponse}; a failure status throws. */
export async function readResource(ctx: TransportContext, sent: Sent): Promise<UcwaResponse> {
  const { response } = sent;
  if (!response.ok) throw await httpError(ctx, sent);
  const location = locationOf(ctx, sent);
  const text = await response.text();
  const etag = response.headers.get('etag') ?? undefined;
  let resource: UnknownResource | undefined;
  if (text.trim() !== '') {
    const codec = codecFor(ctx, sent);
    try {
      resource = codec.decodeResource(text, decodeOptions(ctx, etag));
    } catch (cause) {
      throw decodeFailed(sent, cause);
    }
  }
  return {
    status: response.status,
    url: sent.url.href,
    headers: response.headers,
    ucwaVersion: response.headers.get('x-ms-ucwaversion') ?? undefined,
    etag,
    location,
    resource,
    fromCache: false,
  };
}

/** Reads an event channel answer (EventsInUCWA.md). */
export async function readEventBatch(ctx: TransportContext, sent: Sent): Promise<EventBatch> {
  const { response } = sent;
  if (!response.ok) throw await httpError(ctx, sent);
  const text = await response.text();
  const codec = codecFor(ctx, sent);
  try {
    return codec.decodeEventBatch(text, decodeOptions(ctx));
  } catch (cause) {
    throw decodeFailed(sent, cause);
  }
}
