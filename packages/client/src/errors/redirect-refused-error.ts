import { UcwaClientError } from './ucwa-client-error.ts';

/**
 * A `redirect` link (of the discovery root, or of the user resource to another pool)
 * that the redirect policy did not approve, so it was not followed and no token went
 * there (RootURL.md's security check).
 */
export class UcwaRedirectRefusedError extends UcwaClientError {
  override readonly name = 'UcwaRedirectRefusedError';
  /** The refused URL. */
  readonly url: string;
  /** Where the link came from: `discovery` or `user` (a pool redirect). */
  readonly source: 'discovery' | 'user';

  constructor(url: string, source: 'discovery' | 'user') {
    super(`the ${source} redirect to ${new URL(url).origin} was refused by the redirect policy`);
    this.url = url;
    this.source = source;
  }
}
