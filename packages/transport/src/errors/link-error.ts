import {
  markKind,
  UcwaTransportError,
  type UcwaTransportErrorOptions,
} from './ucwa-transport-error.ts';

export interface UcwaLinkErrorOptions extends UcwaTransportErrorOptions {
  /** The rel of the resource that lacks the link. */
  readonly resourceRel: string;
  /** The link rel asked for. */
  readonly missingRel: string;
  /** The lowest link revision asked for, if any. */
  readonly minRevision?: number | undefined;
}

/**
 * `follow()` found no link of the asked rel (of the asked revision) on the resource: the
 * server does not offer it in this state, or is older (Versioning.md). Nothing was sent.
 */
export class UcwaLinkError extends UcwaTransportError {
  override readonly name = 'UcwaLinkError' as const;
  readonly resourceRel: string;
  readonly missingRel: string;
  readonly minRevision: number | undefined;

  static {
    markKind(UcwaLinkError, 'UcwaLinkError');
  }

  constructor(message: string, options: UcwaLinkErrorOptions) {
    super(message, options);
    this.resourceRel = options.resourceRel;
    this.missingRel = options.missingRel;
    this.minRevision = options.minRevision;
  }
}
