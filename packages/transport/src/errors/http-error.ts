import type { UcwaErrorBody, UcwaErrorParameter } from '@ucwa/model';
import type { RequestSummary } from './request-summary.ts';
import {
  markKind,
  UcwaTransportError,
  type UcwaTransportErrorOptions,
} from './ucwa-transport-error.ts';

/** The response an {@link UcwaHttpError} was built from (server text redacted of secrets). */
export interface HttpErrorResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  /** The decoded UCWA error body, when the response carried one in a known format. */
  readonly body: UcwaErrorBody | undefined;
}

export interface UcwaHttpErrorOptions extends UcwaTransportErrorOptions {
  readonly request: RequestSummary;
  readonly response: HttpErrorResponse;
}

/** The message of an {@link UcwaHttpError}: `failed with 404 NotFound/subcode: server message`. */
export function httpFailureMessage(response: HttpErrorResponse): string {
  const { body } = response;
  const what = [body?.code, body?.subcode].filter((part) => part !== undefined).join('/');
  const text = body?.message === undefined ? '' : `: ${body.message}`;
  return `failed with ${response.status}${what === '' ? '' : ` ${what}`}${text}`;
}

/**
 * A UCWA request answered with a failure status (ErrorsAndInformationalMessages.md). The
 * UCWA `code`, `subcode`, `parameters` and `debugInfo` come from the error body when the
 * server sent one; `diagnostics` is the raw `X-Ms-diagnostics` header (log it, do not
 * branch on it). Secrets the server echoed (the token, the password) are redacted.
 *
 * @example
 * ```ts
 * try {
 *   await transport.get(href);
 * } catch (error) {
 *   if (isUcwaHttpError(error) && error.subcode === 'ApplicationNotFound') restart();
 * }
 * ```
 */
export class UcwaHttpError extends UcwaTransportError {
  override readonly name: 'UcwaHttpError' | 'UcwaPreconditionFailedError' = 'UcwaHttpError';
  override readonly request: RequestSummary;
  readonly status: number;
  /** UCWA error `code` (`NotFound`, `Conflict`, ...), or `undefined` when the body had none. */
  readonly code: UcwaErrorBody['code'] | undefined;
  readonly subcode: UcwaErrorBody['subcode'] | undefined;
  /** The server's localized message, when it sent one. */
  readonly serverMessage: string | undefined;
  readonly parameters: readonly UcwaErrorParameter[];
  readonly debugInfo: Readonly<Record<string, string>>;
  /** The `X-Ms-diagnostics` header, verbatim. */
  readonly diagnostics: string | undefined;
  /** The `X-MS-UcwaVersion` the server answered with. */
  readonly ucwaVersion: string | undefined;
  readonly response: HttpErrorResponse;

  static {
    markKind(UcwaHttpError, 'UcwaHttpError');
  }

  constructor(message: string, options: UcwaHttpErrorOptions) {
    super(message, options);
    const { response, request } = options;
    const body = response.body;
    this.request = request;
    this.response = response;
    this.status = response.status;
    this.code = body?.code;
    this.subcode = body?.subcode;
    this.serverMessage = body?.message;
    this.parameters = body?.parameters ?? [];
    this.debugInfo = body?.debugInfo ?? {};
    this.diagnostics = response.headers.get('x-ms-diagnostics') ?? undefined;
    this.ucwaVersion = response.headers.get('x-ms-ucwaversion') ?? undefined;
  }
}
