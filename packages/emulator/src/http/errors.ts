import type { UcwaErrorBody, UcwaErrorParameter } from '@ucwa/model';
import type { ErrorReply, HeaderList } from './types.ts';

/** The UCWA error code for each HTTP status (ErrorsAndInformationalMessages.md). */
const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  409: 'Conflict',
  410: 'Gone',
  412: 'PreconditionFailed',
  413: 'EntityTooLarge',
  415: 'UnsupportedMediaType',
  428: 'PreconditionRequired',
  429: 'TooManyRequests',
  500: 'ServiceFailure',
  502: 'ServiceFailure',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

export interface UcwaErrorOptions {
  /** Overrides the code the status implies. */
  readonly code?: string;
  readonly message?: string;
  readonly parameters?: readonly UcwaErrorParameter[];
  readonly headers?: HeaderList;
}

/**
 * A UCWA error reply: `code` follows the status, `subcode` says why.
 *
 * @example
 * ```ts
 * return ucwaError(409, 'MakeMeAvailableRequired', { message: 'Call makeMeAvailable first' });
 * ```
 */
export function ucwaError(
  status: number,
  subcode?: string,
  options: UcwaErrorOptions = {},
): ErrorReply {
  const error: UcwaErrorBody = {
    code:
      options.code ?? CODE_BY_STATUS[status] ?? (status >= 500 ? 'ServiceFailure' : 'BadRequest'),
    ...(subcode === undefined ? {} : { subcode }),
    message: options.message ?? defaultMessage(status, subcode),
    ...(options.parameters === undefined ? {} : { parameters: options.parameters }),
  };
  return {
    kind: 'error',
    status,
    error,
    ...(options.headers === undefined ? {} : { headers: options.headers }),
  };
}

function defaultMessage(status: number, subcode: string | undefined): string {
  const what = subcode ?? CODE_BY_STATUS[status] ?? 'Error';
  return `${what} (emulated, HTTP ${status})`;
}

/** 404 ApplicationNotFound (EventChannelDetails.md: recreate the application). */
export const applicationNotFound = (): ErrorReply =>
  ucwaError(404, 'ApplicationNotFound', { message: 'The application resource does not exist.' });

/** 404 for a path no route serves. */
export const resourceNotFound = (): ErrorReply =>
  ucwaError(404, 'ResourceNotFound', { message: 'The resource does not exist.' });

/** 400 ParameterValidationFailure with the offending parameters. */
export function parameterValidationFailure(
  parameters: readonly UcwaErrorParameter[],
  message = 'A parameter value is not valid.',
): ErrorReply {
  return ucwaError(400, 'ParameterValidationFailure', { message, parameters });
}
