import type { RequestSummary } from '../errors/request-summary.ts';
import type { CallOptions } from './call-options.ts';

/** One call as the transport methods describe it. */
export interface SendSpec {
  /** Upper case, as the transport's own calls write it. */
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly url: URL;
  readonly body?: string | undefined;
  readonly contentType?: string | undefined;
  readonly accept?: string;
  readonly headers?: HeadersInit | undefined;
  readonly conditional?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal | undefined;
  readonly timeout?: number | false | undefined;
  readonly minResourceVersion?: number | undefined;
  readonly auth?: boolean | undefined;
  /** Outstanding-request slots this call takes (a batch takes one per part). Default 1. */
  readonly permits?: number;
}

/**
 * An answer with its body still unread: a response (read up to `maxBytes`) or one part of
 * a batch answer (its text). `readAnswer` reads both, so every rule applies to both.
 */
export interface Sent {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  /** The URL that answered (after trusted redirects); a `Location` resolves against it. */
  readonly url: URL;
  /** The request, redacted (built on first read). */
  readonly request: RequestSummary;
  readonly body: Response | string;
}

/** The parts of {@link CallOptions} every spec copies. */
export function callSpec(method: SendSpec['method'], url: URL, options: CallOptions): SendSpec {
  return {
    method,
    url,
    headers: options.headers,
    signal: options.signal,
    timeout: options.timeout,
    minResourceVersion: options.minResourceVersion,
    auth: options.auth,
  };
}
