import type { EventBatch, UcwaErrorBody, UnknownResource } from '@ucwa/model';
import type { Codec } from '../codecs.ts';
import { httpFailureMessage, UcwaHttpError } from '../errors/http-error.ts';
import { UcwaOriginError } from '../errors/origin-error.ts';
import { UcwaResponseError } from '../errors/response-error.ts';
import { redactDeep, redactHeaderValues, redactSecrets, redactUrl } from '../redact.ts';
import type { TransportContext } from './context.ts';
import { exceedsBytes, readBoundedText } from './read-body.ts';
import type { Sent } from './send-spec.ts';
import type { UcwaResponse } from './ucwa-response.ts';

/** What a caller wants of an answer: the resource alone, the whole answer, or an event batch. */
export type Want = 'resource' | 'answer' | 'events';

export interface Wanted {
  readonly resource: UnknownResource;
  readonly answer: UcwaResponse;
  readonly events: EventBatch;
}

/** A {@link UcwaResponseError} about `sent`, its message redacted of the session's secrets. */
export function responseError(
  ctx: TransportContext,
  sent: Sent,
  message: string,
  cause?: unknown,
): UcwaResponseError {
  return new UcwaResponseError(redactSecrets(message, ctx.auth.secrets()), {
    request: sent.request,
    status: sent.status,
    contentType: sent.headers.get('content-type') ?? undefined,
    ...(cause === undefined ? {} : { cause }),
  });
}

/** The body text, at most `maxBytes` of it, or a {@link UcwaResponseError} saying it was more. */
function textOf(ctx: TransportContext, sent: Sent, maxBytes: number): Promise<string> {
  const { body } = sent;
  const text =
    typeof body === 'string'
      ? Promise.resolve(exceedsBytes(body, maxBytes) ? undefined : body)
      : readBoundedText(body, maxBytes);
  return text.then((read) => {
    if (read === undefined)
      throw responseError(ctx, sent, `the body is larger than ${maxBytes} bytes`);
    return read;
  });
}

/**
 * Reads an answer, a response or a batch part alike: the body up to `maxBytes`, a failure
 * status as {@link UcwaHttpError}, a `Location` checked against the trust list, the content
 * type matched to a codec, the body decoded. Each of these rules lives here only.
 */
export function readAnswer<W extends Want>(
  ctx: TransportContext,
  sent: Sent,
  want: W,
): Promise<Wanted[W]> {
  return textOf(ctx, sent, ctx.maxBytes).then((text) => {
    if (sent.status < 200 || sent.status > 299) throw failure(ctx, sent, text);
    return success(ctx, sent, text, want);
  });
}

/** The error for a failure status: the UCWA error body decoded when there is one, redacted. */
export function failure(ctx: TransportContext, sent: Sent, text: string): UcwaHttpError {
  const secrets = ctx.auth.secrets();
  const codec = ctx.codecs.forContentType(sent.headers.get('content-type'));
  let body: UcwaErrorBody | undefined;
  if (codec !== undefined && text.trim() !== '') {
    try {
      body = redactDeep(codec.decodeError(text, ctx.decodeOptions), secrets);
    } catch {
      // A body that is not a UCWA error (a proxy's page): the status still says what failed.
    }
  }
  const response = {
    status: sent.status,
    statusText: redactSecrets(sent.statusText, secrets),
    headers: redactHeaderValues(sent.headers, secrets),
    body,
  };
  return new UcwaHttpError(httpFailureMessage(response), { request: sent.request, response });
}

/** The error of an answer read as {@link failure}, its body bounded like any other. */
export function failureOf(ctx: TransportContext, sent: Sent): Promise<UcwaHttpError> {
  return textOf(ctx, sent, ctx.maxBytes).then((text) => failure(ctx, sent, text));
}

function success<W extends Want>(
  ctx: TransportContext,
  sent: Sent,
  text: string,
  want: W,
): Wanted[W] {
  const empty = text.trim() === '';
  if (empty && want !== 'answer') {
    const what = want === 'events' ? 'an event batch' : 'a resource';
    throw responseError(ctx, sent, `expected ${what}, got an empty ${sent.status} answer`);
  }
  if (want === 'events') {
    return decode(ctx, sent, (codec) =>
      codec.decodeEventBatch(text, ctx.decodeOptions),
    ) as Wanted[W];
  }
  const etag = sent.headers.get('etag') ?? undefined;
  const options = etag === undefined ? ctx.decodeOptions : { ...ctx.decodeOptions, etag };
  const resource = empty ? undefined : decode(ctx, sent, (c) => c.decodeResource(text, options));
  if (want === 'resource') return resource as Wanted[W];
  const answer: UcwaResponse = {
    status: sent.status,
    url: sent.url.href,
    headers: sent.headers,
    ucwaVersion: sent.headers.get('x-ms-ucwaversion') ?? undefined,
    etag,
    location: locationOf(ctx, sent),
    resource,
    fromCache: false,
  };
  return answer as Wanted[W];
}

/** Decodes with the codec of the answer's content type; any failure is a {@link UcwaResponseError}. */
function decode<T>(ctx: TransportContext, sent: Sent, read: (codec: Codec) => T): T {
  const contentType = sent.headers.get('content-type');
  const codec = ctx.codecs.forContentType(contentType);
  if (codec === undefined) {
    throw responseError(
      ctx,
      sent,
      `unexpected content type ${JSON.stringify(contentType ?? '(none)')}`,
    );
  }
  try {
    return read(codec);
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw responseError(ctx, sent, `the body would not decode: ${why}`, cause);
  }
}

/**
 * A `Location` (a 201's, a redirect's), absolute: a {@link UcwaResponseError} when it is not
 * a URL, a {@link UcwaOriginError} when it is not on a trusted origin.
 */
export function trustedLocation(ctx: TransportContext, sent: Sent, location: string): URL {
  let url: URL;
  try {
    url = new URL(location, sent.url);
  } catch (cause) {
    throw responseError(ctx, sent, `Location ${JSON.stringify(location)} is not a URL`, cause);
  }
  if (!ctx.policy.isTrusted(url)) {
    const shown = redactUrl(url);
    throw new UcwaOriginError(`Location ${shown} is not on a trusted origin`, {
      url: shown,
      request: sent.request,
    });
  }
  return url;
}

function locationOf(ctx: TransportContext, sent: Sent): string | undefined {
  const location = sent.headers.get('location');
  return location === null ? undefined : trustedLocation(ctx, sent, location).href;
}
