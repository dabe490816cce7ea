import type { UnknownResource } from './resource.ts';

/**
 * The resources embedded in `resource`, flattened into one array: those of one rel when
 * `rel` is given, else all of them in document order.
 */
export function listEmbedded(
  resource: Pick<UnknownResource, 'embedded'>,
  rel?: string,
): readonly UnknownResource[] {
  const out: UnknownResource[] = [];
  const rels = rel === undefined ? Object.keys(resource.embedded) : [rel];
  for (const key of rels) {
    if (!Object.hasOwn(resource.embedded, key)) continue;
    const value = resource.embedded[key];
    if (value === undefined) continue;
    if (isResourceArray(value)) out.push(...value);
    else out.push(value);
  }
  return out;
}

function isResourceArray(
  value: UnknownResource | readonly UnknownResource[],
): value is readonly UnknownResource[] {
  return Array.isArray(value);
}
