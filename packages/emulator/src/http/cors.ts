import type { HeaderList } from './types.ts';

const EXPOSED = 'ETag, Location, WWW-Authenticate, X-MS-UcwaVersion, Retry-After, X-Ms-diagnostics';
const ALLOWED_HEADERS =
  'Authorization, Content-Type, Accept, If-Match, X-MS-RequiresMinResourceVersion, X-Ms-Origin, X-Requested-With';

function allowed(origin: string | null, origins: readonly string[]): string | undefined {
  if (origin === null) return undefined;
  if (origins.includes('*')) return origin;
  return origins.some((o) => o.toLowerCase() === origin.toLowerCase()) ? origin : undefined;
}

/** CORS headers for an allowed `Origin` (none for others: the browser then refuses). */
export function corsHeaders(origin: string | null, origins: readonly string[]): HeaderList {
  const allow = allowed(origin, origins);
  if (allow === undefined) return [];
  return [
    ['Access-Control-Allow-Origin', allow],
    ['Access-Control-Allow-Credentials', 'true'],
    ['Access-Control-Expose-Headers', EXPOSED],
  ];
}

/** The extra headers of a preflight answer for an allowed origin. */
export function preflightHeaders(
  origin: string | null,
  origins: readonly string[],
  requestedHeaders: string | null,
): HeaderList | undefined {
  if (allowed(origin, origins) === undefined) return undefined;
  return [
    ['Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS'],
    ['Access-Control-Allow-Headers', requestedHeaders ?? ALLOWED_HEADERS],
    ['Access-Control-Max-Age', '600'],
  ];
}
