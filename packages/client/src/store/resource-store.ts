import { listEmbedded, type UcwaEvent, type UnknownResource } from '@ucwa/model';
import { addToCollection, removeFromCollection } from './collection-edit.ts';
import type { ReadOptions, ResourceStore, StoreChange, StoreWatcher } from './store-types.ts';

/** What the store is built on. */
export interface ResourceStoreOptions {
  /** GETs a resource (the transport's `get`, with its ETag cache). */
  readonly load: (href: string, signal: AbortSignal | undefined) => Promise<UnknownResource>;
  /** The absolute form of an href, the store's key. */
  readonly key: (href: string) => string;
}

/** A {@link ResourceStore} that also takes events from the channel. */
export interface LiveResourceStore extends ResourceStore {
  /** Applies one event: seeds what it embeds, edits its `in` collection, tells watchers. */
  apply(event: UcwaEvent): Promise<void>;
}

/** Creates an empty store; one per session, nothing shared. */
export function createResourceStore(options: ResourceStoreOptions): LiveResourceStore {
  const { key } = options;
  const entries = new Map<string, UnknownResource>();
  const inflight = new Map<string, Promise<UnknownResource>>();
  // Hrefs changed by an event while their GET was under way: that answer may predate the
  // event, so it is handed to its callers but not stored over the newer state.
  const stale = new Set<string>();
  const watchers = new Map<string, Set<StoreWatcher>>();

  const bump = (href: string): void => {
    if (inflight.has(href)) stale.add(href);
  };
  const notify = (change: StoreChange): void => {
    for (const watcher of watchers.get(change.href) ?? []) watcher(change);
  };
  const put = (resource: UnknownResource, href = resource.href): void => {
    if (href !== '') entries.set(key(href), resource);
    for (const inner of listEmbedded(resource)) if (inner.href !== '') put(inner);
  };

  const load = (href: string, signal: AbortSignal | undefined): Promise<UnknownResource> => {
    const existing = inflight.get(href);
    if (existing !== undefined) return existing;
    const request = options.load(href, signal).then((resource) => {
      if (!stale.has(href)) put(resource, href);
      return entries.get(href) ?? resource;
    });
    const settled = request.finally(() => {
      inflight.delete(href);
      stale.delete(href);
    });
    inflight.set(href, settled);
    return settled;
  };

  const refresh = async (href: string): Promise<UnknownResource | undefined> => {
    entries.delete(href);
    if (!watchers.has(href)) return undefined;
    try {
      return await load(href, undefined);
    } catch {
      return undefined;
    }
  };

  const editCollection = (event: UcwaEvent, resource: UnknownResource | undefined): void => {
    if (event.in === undefined) return;
    const href = key(event.in.href);
    const collection = entries.get(href);
    if (collection === undefined) return;
    const edited =
      event.type === 'deleted'
        ? removeFromCollection(collection, event.link, key)
        : addToCollection(collection, event.link, resource, key);
    entries.set(href, edited);
    bump(href);
    notify({ type: 'updated', href, resource: edited });
  };

  const apply = async (event: UcwaEvent): Promise<void> => {
    const href = key(event.link.href);
    bump(href);
    if (event.type === 'deleted') {
      entries.delete(href);
      editCollection(event, undefined);
      notify({ type: 'deleted', href, resource: undefined });
      return;
    }
    const resource = event.resource ?? (await refresh(href));
    if (event.resource !== undefined) put(event.resource, event.link.href);
    // An `updated` item is replaced in its collection only when the event carried it.
    if (event.type === 'added' || event.resource !== undefined) editCollection(event, resource);
    notify({ type: event.type === 'added' ? 'added' : 'updated', href, resource });
  };

  return {
    peek: (href) => entries.get(key(href)),
    read: (href, o: ReadOptions = {}) => {
      const k = key(href);
      const stored = o.fresh === true ? undefined : entries.get(k);
      return stored === undefined ? load(k, o.signal) : Promise.resolve(stored);
    },
    seed: (resource) => put(resource),
    watch: (href, watcher) => {
      const k = key(href);
      const set = watchers.get(k) ?? new Set<StoreWatcher>();
      set.add(watcher);
      watchers.set(k, set);
      return () => {
        set.delete(watcher);
        if (set.size === 0) watchers.delete(k);
      };
    },
    clear: () => {
      entries.clear();
      for (const href of inflight.keys()) stale.add(href);
    },
    apply,
    get size() {
      return entries.size;
    },
  };
}
