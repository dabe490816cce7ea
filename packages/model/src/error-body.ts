import type { ErrorCode, ErrorSubcode } from './generated/enums.ts';
import type { Link } from './link.ts';

/** A name/value pair in an error body's `parameters`. */
export interface UcwaErrorParameter {
  readonly name: string;
  readonly value: string;
}

/**
 * An error body, as the command channel returns it and events carry it in `reason`
 * (ErrorsAndInformationalMessages.md). Only `code` is always present; servers add new
 * subcodes at any time, so both stay open strings.
 */
export interface UcwaErrorBody {
  readonly code: ErrorCode | (string & {});
  readonly subcode?: ErrorSubcode | (string & {});
  readonly message?: string;
  readonly parameters?: readonly UcwaErrorParameter[];
  /** Diagnostic items to log; their content is not part of the contract. */
  readonly debugInfo?: { readonly [key: string]: string };
  readonly link?: Link;
}
