import type { SessionStorage } from '../storage.ts';

/** The URLs discovery found, kept until they stop working (RootURL.md). */
export interface CachedDiscovery {
  readonly userUrl: string;
  readonly applicationsUrl: string;
}

/** Reads and writes one user's discovery result and endpoint id in the storage. */
export interface IdentityRecords {
  readDiscovery(): Promise<CachedDiscovery | undefined>;
  writeDiscovery(value: CachedDiscovery): Promise<void>;
  clearDiscovery(): Promise<void>;
  /** The stored endpoint id, or a new one (stored) from `create`. */
  endpointId(create: () => string): Promise<string>;
}

/**
 * The cached result, if it was found from the same `start` (the discovery URL or domain
 * signed in with): the same user at another server discovers again.
 */
function parseDiscovery(text: string | null, start: string): CachedDiscovery | undefined {
  if (text === null) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const { userUrl, applicationsUrl, from } = value as Record<string, unknown>;
    if (from !== start) return undefined;
    if (typeof userUrl !== 'string' || typeof applicationsUrl !== 'string') return undefined;
    new URL(userUrl);
    new URL(applicationsUrl);
    return { userUrl, applicationsUrl };
  } catch {
    // A damaged entry is as good as none: discovery runs again and rewrites it.
    return undefined;
  }
}

/**
 * The records of `identity` (a sign-in address or domain) in `storage`; the discovery
 * result is kept with `start`, where discovery began, and used only from there.
 */
export function identityRecords(
  storage: SessionStorage,
  identity: string,
  start: string,
): IdentityRecords {
  const prefix = `ucwa:${identity.toLowerCase()}:`;
  const from = start.toLowerCase();
  return {
    readDiscovery: async () => parseDiscovery(await storage.getItem(`${prefix}discovery`), from),
    writeDiscovery: async ({ userUrl, applicationsUrl }) => {
      await storage.setItem(
        `${prefix}discovery`,
        JSON.stringify({ userUrl, applicationsUrl, from }),
      );
    },
    clearDiscovery: async () => {
      await storage.removeItem(`${prefix}discovery`);
    },
    endpointId: async (create) => {
      const stored = await storage.getItem(`${prefix}endpointId`);
      if (stored !== null && stored !== '') return stored;
      const fresh = create();
      await storage.setItem(`${prefix}endpointId`, fresh);
      return fresh;
    },
  };
}
