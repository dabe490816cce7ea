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

function parseDiscovery(text: string | null): CachedDiscovery | undefined {
  if (text === null) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const { userUrl, applicationsUrl } = value as Record<string, unknown>;
    if (typeof userUrl !== 'string' || typeof applicationsUrl !== 'string') return undefined;
    new URL(userUrl);
    new URL(applicationsUrl);
    return { userUrl, applicationsUrl };
  } catch {
    // A damaged entry is as good as none: discovery runs again and rewrites it.
    return undefined;
  }
}

/** The records of `identity` (a sign-in address or domain) in `storage`. */
export function identityRecords(storage: SessionStorage, identity: string): IdentityRecords {
  const prefix = `ucwa:${identity.toLowerCase()}:`;
  return {
    readDiscovery: async () => parseDiscovery(await storage.getItem(`${prefix}discovery`)),
    writeDiscovery: async (value) => {
      await storage.setItem(`${prefix}discovery`, JSON.stringify(value));
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
