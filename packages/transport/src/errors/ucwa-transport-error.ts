import { redactHeaders, redactUrl } from '../redact.ts';

/** The request an error is about, safe to log: URL and headers redacted. */
export interface RequestSummary {
  readonly method: string;
  /** The URL with user info and secret-looking query values replaced by `[REDACTED]`. */
  readonly url: string;
  /** Request headers; `Authorization` shows only its scheme. */
  readonly headers: Readonly<Record<string, string>>;
}

/** Builds a {@link RequestSummary} from what the transport was about to send. */
export function summarizeRequest(
  method: string,
  url: string | URL,
  headers: Headers = new Headers(),
): RequestSummary {
  return { method: method.toUpperCase(), url: redactUrl(url), headers: redactHeaders(headers) };
}

/**
 * A memoized {@link summarizeRequest}: redacting costs a URL parse, so it is done only
 * when an error or a log line needs it.
 */
export function lazySummary(
  method: string,
  url: string | URL,
  headers?: HeadersInit,
): () => RequestSummary {
  let summary: RequestSummary | undefined;
  return () => {
    summary ??= summarizeRequest(method, url, new Headers(headers));
    return summary;
  };
}

/** Options every transport error takes. */
export interface UcwaTransportErrorOptions {
  readonly request?: RequestSummary | undefined;
  readonly cause?: unknown;
}

/** The literal names of the transport's error family. */
export type UcwaTransportErrorName =
  | 'UcwaHttpError'
  | 'UcwaPreconditionFailedError'
  | 'UcwaNetworkError'
  | 'UcwaTimeoutError'
  | 'UcwaAuthError'
  | 'UcwaOriginError'
  | 'UcwaResponseError';

/**
 * Base of every error `@ucwa/transport` throws. It carries the request (method and URL,
 * token redacted) and the original `cause`. Match with the `isUcwa*` guards, which
 * compare `name`, so they work across duplicated copies of the package.
 */
export abstract class UcwaTransportError extends Error {
  abstract override readonly name: UcwaTransportErrorName;
  /** The request this error is about, or `undefined` when it failed before one was built. */
  readonly request: RequestSummary | undefined;

  constructor(message: string, options: UcwaTransportErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.request = options.request;
  }
}

/** `METHOD url` for messages, or `''` when there is no request. */
export function describeRequest(request: RequestSummary | undefined): string {
  return request === undefined ? '' : `${request.method} ${request.url}`;
}
