import type { UnknownResource } from '@ucwa/model';

/** A cached GET answer. */
export interface CachedEntry {
  readonly etag: string;
  readonly resource: UnknownResource;
  readonly ucwaVersion: string | undefined;
}

/**
 * A small LRU of GET answers by URL, for `If-None-Match` (Caching.md: photos and other
 * resources that rarely change). One per transport; nothing is shared between sessions.
 */
export interface EtagCache {
  get(url: string): CachedEntry | undefined;
  set(url: string, entry: CachedEntry): void;
  delete(url: string): void;
}

export function createEtagCache(maxEntries: number): EtagCache {
  const entries = new Map<string, CachedEntry>();
  return {
    get(url) {
      const entry = entries.get(url);
      if (entry !== undefined) {
        entries.delete(url);
        entries.set(url, entry);
      }
      return entry;
    },
    set(url, entry) {
      entries.delete(url);
      entries.set(url, entry);
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done === true) break;
        entries.delete(oldest.value);
      }
    },
    delete(url) {
      entries.delete(url);
    },
  };
}
