/**
 * Where a session keeps what survives a restart (the endpoint id, the discovered URLs).
 * `localStorage` and `sessionStorage` fit as they are; each method may also return a
 * promise. Secrets are never written here.
 */
export interface SessionStorage {
  getItem(key: string): string | null | Promise<string | null>;
  setItem(key: string, value: string): void | Promise<void>;
  removeItem(key: string): void | Promise<void>;
}

/** A storage in memory, the default: nothing outlives the process. */
export function createMemoryStorage(): SessionStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
    removeItem: (key) => {
      items.delete(key);
    },
  };
}
