import type { UnknownResource } from '@ucwa/model';
import { buildResource } from '../../core/resource.ts';
import type { UserDirectory, UserRecord } from '../../core/users.ts';
import type { RouteContext } from '../feature.ts';
import { groupResource, groupsOf } from './people-groups.ts';
import { contactResource } from './people-resources.ts';

/** How many results a search answers when the request gives no `limit`. */
export const DEFAULT_SEARCH_LIMIT = 100;

const matches = (needle: string, ...hay: (string | undefined)[]): boolean =>
  hay.some((h) => h?.toLowerCase().includes(needle));

/** Users of the directory whose address, SIP uri or name contains `query` (any case). */
export function searchUsers(users: UserDirectory, query: string): UserRecord[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [];
  return users.all.filter((u) => matches(needle, `sip:${u.address}`, u.name));
}

/**
 * search (search_ref.md, SearchForUsersContact.md): `query` and `limit`, or `mail` (an
 * exact e-mail address, search2_ref.md); embedded contacts and distribution groups, with
 * `moreResultsAvailable` when the limit cut the list.
 */
export function searchResource(ctx: RouteContext, users: UserDirectory): UnknownResource {
  const mail = ctx.query.get('mail')?.trim().toLowerCase();
  const query = ctx.query.get('query') ?? '';
  const limitText = Number(ctx.query.get('limit') ?? DEFAULT_SEARCH_LIMIT);
  const limit = Number.isInteger(limitText) && limitText > 0 ? limitText : DEFAULT_SEARCH_LIMIT;
  const needle = query.trim().toLowerCase();
  const found =
    mail === undefined
      ? searchUsers(users, query)
      : users.all.filter((u) => u.address.toLowerCase() === mail);
  const groups = groupsOf(ctx.user, users).filter(
    (g) => g.rel === 'distributionGroup' && needle !== '' && matches(needle, g.uri, g.name),
  );
  const search = new URLSearchParams(ctx.query);
  return buildResource({
    rel: 'search',
    href: `${ctx.app.href('people/search')}?${search.toString()}`,
    properties: { moreResultsAvailable: found.length + groups.length > limit },
    embedded: {
      contact: found.slice(0, limit).map((u) => contactResource(ctx.app, u)),
      distributionGroup: groups
        .slice(0, Math.max(0, limit - found.length))
        .map((g) => groupResource(ctx.app, g)),
    },
  });
}
