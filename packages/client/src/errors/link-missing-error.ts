import { UcwaClientError } from './ucwa-client-error.ts';

/**
 * The resource carries no link of the rel asked for: the catalog documents it, but the
 * server offers it only in some states (an action not available right now, say).
 */
export class UcwaLinkMissingError extends UcwaClientError {
  override readonly name = 'UcwaLinkMissingError';
  readonly resourceRel: string;
  readonly href: string;
  readonly linkRel: string;

  constructor(resource: { readonly rel: string; readonly href: string }, linkRel: string) {
    super(`${resource.rel} at ${resource.href} has no "${linkRel}" link right now`);
    this.resourceRel = resource.rel;
    this.href = resource.href;
    this.linkRel = linkRel;
  }
}
