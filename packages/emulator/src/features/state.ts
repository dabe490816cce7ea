import type { ApplicationHandle } from '../apps/application.ts';

/** State kept per application by a feature, created on first use. */
export interface PerApplication<T> {
  get(app: ApplicationHandle): T;
  peek(app: ApplicationHandle): T | undefined;
  delete(app: ApplicationHandle): void;
}

/**
 * A map from application to state, for a feature's closure.
 *
 * @example
 * ```ts
 * const state = perApplication(() => ({ available: false }));
 * state.get(ctx.app).available = true;
 * ```
 */
export function perApplication<T>(init: (app: ApplicationHandle) => T): PerApplication<T> {
  const map = new Map<string, T>();
  return {
    get(app) {
      let value = map.get(app.id);
      if (value === undefined) {
        value = init(app);
        map.set(app.id, value);
      }
      return value;
    },
    peek: (app) => map.get(app.id),
    delete: (app) => {
      map.delete(app.id);
    },
  };
}

/** A map from user address (case-insensitive) to state, created on first use. */
export function perUser<T>(init: (address: string) => T): (address: string) => T {
  const map = new Map<string, T>();
  return (address) => {
    const key = address.toLowerCase();
    let value = map.get(key);
    if (value === undefined) {
      value = init(key);
      map.set(key, value);
    }
    return value;
  };
}
