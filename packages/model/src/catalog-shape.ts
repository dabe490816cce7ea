import { embeddedCardinality, linkCardinality } from './catalog-lookup.ts';
import type { EventBatch, UcwaEvent } from './event.ts';
import type { Link } from './link.ts';
import type { EmbeddedBag, LinkBag, UnknownResource } from './resource.ts';

const isLinkArray = (value: Link | readonly Link[]): value is readonly Link[] =>
  Array.isArray(value);

const isResourceArray = (
  value: UnknownResource | readonly UnknownResource[],
): value is readonly UnknownResource[] => Array.isArray(value);

/** The links with each single link of a `many` rel made an array; `undefined`: unchanged. */
function shapeLinks(resource: UnknownResource): LinkBag | undefined {
  let out: { [rel: string]: Link | readonly Link[] } | undefined;
  for (const rel of Object.keys(resource.links)) {
    const value = resource.links[rel];
    if (value === undefined || isLinkArray(value)) continue;
    if (linkCardinality(resource.rel, rel) !== 'many') continue;
    out ??= { ...resource.links };
    out[rel] = [value];
  }
  return out;
}

/** The embedded resources shaped likewise, each one's own too; `undefined`: unchanged. */
function shapeEmbedded(resource: UnknownResource): EmbeddedBag | undefined {
  let out: { [rel: string]: UnknownResource | readonly UnknownResource[] } | undefined;
  for (const rel of Object.keys(resource.embedded)) {
    const value = resource.embedded[rel];
    if (value === undefined) continue;
    let next: UnknownResource | readonly UnknownResource[];
    if (isResourceArray(value)) {
      const items = value.map(conformToCatalog);
      if (items.every((item, i) => item === value[i])) continue;
      next = items;
    } else {
      const item = conformToCatalog(value);
      const many = embeddedCardinality(resource.rel, rel) === 'many';
      if (!many && item === value) continue;
      next = many ? [item] : item;
    }
    out ??= { ...resource.embedded };
    out[rel] = next;
  }
  return out;
}

/**
 * The resource with every link and embedded rel the catalog documents as a collection
 * (`many`) held as an array, also where the server sent one object (JSON says itself
 * whether a link is an array, and a server sends one object for a collection of one), in
 * its embedded resources too, so that the typed view (`Resource<R>`) holds at run time.
 * Unknown rels and rels documented as `one` stay as they came; nothing is mutated; the
 * same object comes back when nothing changes.
 *
 * @example
 * ```ts
 * const participants = conformToCatalog(decodeResource(text)); // participant: Link[]
 * ```
 */
export function conformToCatalog(resource: UnknownResource): UnknownResource {
  const links = shapeLinks(resource);
  const embedded = shapeEmbedded(resource);
  if (links === undefined && embedded === undefined) return resource;
  return { ...resource, links: links ?? resource.links, embedded: embedded ?? resource.embedded };
}

/**
 * {@link conformToCatalog} for the resource each event of `batch` embeds; the same batch
 * comes back when no event's resource changes (the common case, on every P-GET).
 */
export function conformBatchToCatalog(batch: EventBatch): EventBatch {
  const shape = (event: UcwaEvent): UcwaEvent => {
    if (event.resource === undefined) return event;
    const resource = conformToCatalog(event.resource);
    return resource === event.resource ? event : { ...event, resource };
  };
  let changed = false;
  const senders = batch.senders.map((sender) => {
    const events = sender.events.map(shape);
    if (events.every((event, i) => event === sender.events[i])) return sender;
    changed = true;
    return { ...sender, events };
  });
  return changed ? { ...batch, senders } : batch;
}
