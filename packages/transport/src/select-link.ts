import { findLinks, type Link, selectByRevision, type UnknownResource } from '@ucwa/model';

/**
 * The link of `rel` on `resource`, at least revision `minRevision` when given (Versioning.md:
 * revisions compare as floats, a missing one means 1). `undefined` when the server offers
 * none, which is how a client learns it talks to an older server.
 *
 * @example
 * ```ts
 * const contacts = selectLink(people, 'myContacts', 2);
 * if (contacts === undefined) fallBackToRevision1();
 * ```
 */
export function selectLink(
  resource: UnknownResource,
  rel: string,
  minRevision?: number,
): Link | undefined {
  const links = findLinks(resource, rel);
  return minRevision === undefined ? links[0] : selectByRevision(links, minRevision);
}
