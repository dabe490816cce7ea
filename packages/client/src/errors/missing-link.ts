import { UcwaLinkError } from '@ucwa/transport';

/**
 * The error for a link the resource does not carry now: the transport's `UcwaLinkError`,
 * so callers catch one error whether they followed a link through the transport or the
 * session. The catalog documents the rel; the server offers it only in some states.
 */
export function missingLink(
  resource: { readonly rel: string; readonly href: string },
  rel: string,
): UcwaLinkError {
  return new UcwaLinkError(`${resource.rel} at ${resource.href} has no "${rel}" link right now`, {
    resourceRel: resource.rel,
    missingRel: rel,
  });
}
