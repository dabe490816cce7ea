import type { UnknownResource } from '@ucwa/model';

/** One change of a stored resource, as `watch` reports it. */
export interface StoreChange {
  readonly type: 'added' | 'updated' | 'deleted';
  /** The absolute href of the resource that changed. */
  readonly href: string;
  /** The resource as it is now; `undefined` once deleted. */
  readonly resource: UnknownResource | undefined;
}

/** Called once per change of the watched resource. */
export type StoreWatcher = (change: StoreChange) => void;

/** Options of {@link ResourceStore.read}. */
export interface ReadOptions {
  readonly signal?: AbortSignal;
  /** Ask the server even when the store holds the resource (with `If-None-Match`). */
  readonly fresh?: boolean;
}

/**
 * The session's cache of resources by href (Caching.md): filled by answers and by
 * resources embedded in events, kept current by `added`/`updated`/`deleted` events.
 */
export interface ResourceStore {
  /** The stored resource, without a request. */
  peek(href: string): UnknownResource | undefined;
  /** The stored resource, or one GET shared by every concurrent caller. */
  read(href: string, options?: ReadOptions): Promise<UnknownResource>;
  /** Stores `resource` and every resource it embeds. */
  seed(resource: UnknownResource): void;
  /** Watches one href; returns the unsubscribe function. */
  watch(href: string, watcher: StoreWatcher): () => void;
  /** Forgets every resource (after `resync`/`resume`); watchers stay. */
  clear(): void;
  /** How many resources are stored. */
  readonly size: number;
}
