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

class Store implements LiveResourceStore {
  readonly #options: ResourceStoreOptions;
  readonly #entries = new Map<string, UnknownResource>();
  readonly #inflight = new Map<string, Promise<UnknownResource>>();
  // Hrefs changed by an event while their GET was under way: that answer may predate the
  // event, so it is handed to its callers but not stored over the newer state.
  readonly #stale = new Set<string>();
  readonly #watchers = new Map<string, Set<StoreWatcher>>();

  constructor(options: ResourceStoreOptions) {
    this.#options = options;
  }

  get size(): number {
    return this.#entries.size;
  }

  #key(href: string): string {
    return this.#options.key(href);
  }

  #notify(change: StoreChange): void {
    for (const watcher of [...(this.#watchers.get(change.href) ?? [])]) watcher(change);
  }

  #put(resource: UnknownResource, href = resource.href): void {
    if (href !== '') this.#entries.set(this.#key(href), resource);
    for (const inner of listEmbedded(resource)) if (inner.href !== '') this.#put(inner);
  }

  /** One GET per href at a time, shared by every caller. */
  #load(href: string, signal: AbortSignal | undefined): Promise<UnknownResource> {
    const existing = this.#inflight.get(href);
    if (existing !== undefined) return existing;
    const request = this.#options.load(href, signal).then((resource) => {
      if (!this.#stale.has(href)) this.#put(resource, href);
      return this.#entries.get(href) ?? resource;
    });
    const settled = request.finally(() => {
      this.#inflight.delete(href);
      this.#stale.delete(href);
    });
    this.#inflight.set(href, settled);
    return settled;
  }

  /** What an event did not embed: read again only when someone watches it. */
  async #refresh(href: string): Promise<UnknownResource | undefined> {
    this.#entries.delete(href);
    if (!this.#watchers.has(href)) return undefined;
    try {
      return await this.#load(href, undefined);
    } catch {
      return undefined;
    }
  }

  #editCollection(event: UcwaEvent, resource: UnknownResource | undefined): void {
    if (event.in === undefined) return;
    const href = this.#key(event.in.href);
    const collection = this.#entries.get(href);
    if (collection === undefined) return;
    const key = (h: string) => this.#key(h);
    const edited =
      event.type === 'deleted'
        ? removeFromCollection(collection, event.link, key)
        : addToCollection(collection, event.link, resource, key);
    this.#entries.set(href, edited);
    if (this.#inflight.has(href)) this.#stale.add(href);
    this.#notify({ type: 'updated', href, resource: edited });
  }

  async apply(event: UcwaEvent): Promise<void> {
    const href = this.#key(event.link.href);
    if (this.#inflight.has(href)) this.#stale.add(href);
    if (event.type === 'deleted') {
      this.#entries.delete(href);
      this.#editCollection(event, undefined);
      this.#notify({ type: 'deleted', href, resource: undefined });
      return;
    }
    const resource = event.resource ?? (await this.#refresh(href));
    if (event.resource !== undefined) this.#put(event.resource, event.link.href);
    // An `updated` item is replaced in its collection only when the event carried it.
    if (event.type === 'added' || event.resource !== undefined)
      this.#editCollection(event, resource);
    this.#notify({ type: event.type === 'added' ? 'added' : 'updated', href, resource });
  }

  peek(href: string): UnknownResource | undefined {
    return this.#entries.get(this.#key(href));
  }

  read(href: string, o: ReadOptions = {}): Promise<UnknownResource> {
    const k = this.#key(href);
    const stored = o.fresh === true ? undefined : this.#entries.get(k);
    return stored === undefined ? this.#load(k, o.signal) : Promise.resolve(stored);
  }

  seed(resource: UnknownResource): void {
    this.#put(resource);
  }

  watch(href: string, watcher: StoreWatcher): () => void {
    const k = this.#key(href);
    const set = this.#watchers.get(k) ?? new Set<StoreWatcher>();
    set.add(watcher);
    this.#watchers.set(k, set);
    return () => {
      set.delete(watcher);
      if (set.size === 0) this.#watchers.delete(k);
    };
  }

  clear(): void {
    this.#entries.clear();
    for (const href of this.#inflight.keys()) this.#stale.add(href);
  }
}

/** Creates an empty store; one per session, nothing shared. */
export function createResourceStore(options: ResourceStoreOptions): LiveResourceStore {
  return new Store(options);
}
