import { UcwaClientError } from './ucwa-client-error.ts';

/**
 * A command a tab sent through the leading tab failed there, or could not be sent (the
 * leader closed first, or the call is one only the leading tab can make). `remoteName`,
 * `status`, `code` and `subcode` are those of the leader's error.
 */
export class UcwaTabCommandError extends UcwaClientError {
  override readonly name = 'UcwaTabCommandError';
  /** The name of the error the leading tab saw (`UcwaHttpError`, ...). */
  readonly remoteName: string;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly subcode: string | undefined;

  constructor(
    message: string,
    remote: {
      readonly name: string;
      readonly status?: number | undefined;
      readonly code?: string | undefined;
      readonly subcode?: string | undefined;
    },
  ) {
    super(message);
    this.remoteName = remote.name;
    this.status = remote.status;
    this.code = remote.code;
    this.subcode = remote.subcode;
  }
}
