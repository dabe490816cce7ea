import type { LinkRelsOf, Rel, Resource, UnknownResource } from '@ucwa/model';
import type { OperationInputs, OperationRel } from '../generated/inputs.ts';

/**
 * The resource a link of rel `K` on a `R` leads to: `self` is the resource itself, a
 * link rel the catalog documents as a resource is that resource, anything else is
 * untyped.
 */
export type LinkTarget<R extends Rel, K extends string> = K extends 'self'
  ? Resource<R>
  : K extends Rel
    ? Resource<K>
    : UnknownResource;

/** The link rels the catalog lists for `R` that name an operation taking a POST. */
export type OperationRelOf<R extends Rel> = LinkRelsOf<R> & OperationRel;

/** The input of operation `K`, names and types from the catalog's documented parameters. */
export type InputOf<K extends OperationRel> = OperationInputs[K];

/** `[input]` when the operation has a required parameter, else `[input?]`. */
export type InputArgs<K extends OperationRel> =
  Record<never, never> extends InputOf<K> ? [input?: InputOf<K>] : [input: InputOf<K>];
