import type { AppRoute } from '../features/feature.ts';

interface CompiledRoute {
  readonly route: AppRoute;
  readonly segments: readonly string[];
}

export type RouteMatch =
  | { readonly kind: 'found'; readonly route: AppRoute; readonly params: Record<string, string> }
  | { readonly kind: 'method-not-allowed'; readonly allow: readonly string[] }
  | { readonly kind: 'not-found' };

const split = (path: string): string[] => path.split('/').filter((s) => s !== '');

function bind(
  segments: readonly string[],
  parts: readonly string[],
): Record<string, string> | undefined {
  if (segments.length !== parts.length) return undefined;
  const params: Record<string, string> = Object.create(null);
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    const part = parts[i] as string;
    if (segment.startsWith(':')) {
      try {
        params[segment.slice(1)] = decodeURIComponent(part);
      } catch {
        return undefined;
      }
    } else if (segment.toLowerCase() !== part.toLowerCase()) {
      return undefined;
    }
  }
  return params;
}

/**
 * The table of application routes. Literal segments win over `:params` because routes
 * are tried most-literal first; paths compare without case, as IIS does.
 */
export class RouteTable {
  readonly #routes: CompiledRoute[];
  /** The routes by segment count, in match order: a path is tried only against its own. */
  readonly #bySize = new Map<number, CompiledRoute[]>();

  constructor(routes: readonly AppRoute[]) {
    const literal = (r: CompiledRoute): number =>
      r.segments.filter((s) => !s.startsWith(':')).length;
    this.#routes = routes
      .map((route) => ({ route, segments: split(route.path) }))
      .sort((a, b) => literal(b) - literal(a));
    const seen = new Set<string>();
    for (const { route, segments } of this.#routes) {
      const key = `${route.method} ${segments.map((s) => (s.startsWith(':') ? ':' : s.toLowerCase())).join('/')}`;
      if (seen.has(key)) throw new Error(`two routes for ${route.method} ${route.path}`);
      seen.add(key);
      const same = this.#bySize.get(segments.length) ?? [];
      same.push({ route, segments });
      this.#bySize.set(segments.length, same);
    }
  }

  /** Every route, for listings and conformance tests. */
  get routes(): readonly AppRoute[] {
    return this.#routes.map((r) => r.route);
  }

  /** Finds the route for `method` on `path` (relative to the application). */
  match(method: string, path: string): RouteMatch {
    const parts = split(path);
    const allow = new Set<string>();
    for (const { route, segments } of this.#bySize.get(parts.length) ?? []) {
      const params = bind(segments, parts);
      if (params === undefined) continue;
      if (route.method === method) return { kind: 'found', route, params };
      allow.add(route.method);
    }
    return allow.size > 0
      ? { kind: 'method-not-allowed', allow: [...allow] }
      : { kind: 'not-found' };
  }
}
