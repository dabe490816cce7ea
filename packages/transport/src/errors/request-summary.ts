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
  headers?: HeadersInit,
): RequestSummary {
  return {
    method: method.toUpperCase(),
    url: redactUrl(url),
    headers: redactHeaders(new Headers(headers)),
  };
}
