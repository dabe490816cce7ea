import type { Reply } from '../http/types.ts';
import type { PutGuard } from './conditional-put.ts';
import type { AppRoute, RouteContext, RouteMethod } from './feature.ts';

/** A route whose handler takes the feature's state first: `(state, ctx) → reply`. */
export interface RouteSpec<S> {
  readonly method: RouteMethod;
  readonly path: string;
  readonly rel?: string;
  readonly guard?: (state: S, ctx: RouteContext) => PutGuard | undefined;
  readonly handle: (state: S, ctx: RouteContext) => Reply | Promise<Reply>;
}

/**
 * Binds a table of {@link RouteSpec}s to a feature's state, giving the routes the core
 * serves. Handlers stay plain functions of `(state, ctx)`, testable and short.
 *
 * @example
 * ```ts
 * const routes = bindRoutes(state, [
 *   { method: 'GET', path: 'me/note', rel: 'note', handle: getNote },
 * ]);
 * ```
 */
export function bindRoutes<S>(state: S, specs: readonly RouteSpec<S>[]): AppRoute[] {
  return specs.map(({ guard, handle, ...rest }) => ({
    ...rest,
    ...(guard === undefined ? {} : { guard: (ctx: RouteContext) => guard(state, ctx) }),
    handle: (ctx: RouteContext) => handle(state, ctx),
  }));
}
