import type { PropertyValue, Rel, ResourceSchemas } from './generated/resources.ts';
import type { Link } from './link.ts';

/** Properties by name, as decoded from any document. */
export interface PropertyBag {
  readonly [name: string]: PropertyValue;
}

/** Links by rel: a single link, or an array where the rel is a collection. */
export interface LinkBag {
  readonly [rel: string]: Link | readonly Link[];
}

/** Embedded resources by rel: one resource, or an array where the rel is a collection. */
export interface EmbeddedBag {
  readonly [rel: string]: UnknownResource | readonly UnknownResource[];
}

/**
 * A decoded resource whose rel has not been checked yet. Every key the document
 * carried is kept, including properties, links and embedded resources the catalog
 * does not know, so a GET followed by a PUT plays them all back.
 */
export interface UnknownResource {
  readonly rel: string;
  readonly href: string;
  /** The ETag the resource was served with, for conditional PUT. */
  readonly etag?: string;
  readonly properties: PropertyBag;
  readonly links: LinkBag;
  readonly embedded: EmbeddedBag;
}

/** The typed properties of a documented rel, e.g. `PropertiesOf<'audioVideo'>`. */
export type PropertiesOf<R extends Rel> = ResourceSchemas[R]['properties'];

/** The link rels a documented rel may carry, e.g. `LinkRelsOf<'audioVideo'>`. */
export type LinkRelsOf<R extends Rel> = keyof ResourceSchemas[R]['links'] & string;

/** The embedded rels a documented rel may carry. */
export type EmbeddedRelsOf<R extends Rel> = keyof ResourceSchemas[R]['embedded'] & string;

/** The links of a documented rel, single or array as the catalog says. */
export type LinksOf<R extends Rel> = {
  readonly [K in LinkRelsOf<R>]?: ResourceSchemas[R]['links'][K] extends 'many'
    ? readonly Link[]
    : Link;
};

/** An embedded resource of rel `K`: typed when `K` is a documented rel. */
export type EmbeddedResource<K> = K extends Rel ? Resource<K> : UnknownResource;

/** The embedded resources of a documented rel, single or array as the catalog says. */
export type EmbeddedOf<R extends Rel> = {
  readonly [K in EmbeddedRelsOf<R>]?: ResourceSchemas[R]['embedded'][K] extends 'many'
    ? readonly EmbeddedResource<K>[]
    : EmbeddedResource<K>;
};

/**
 * A resource of a documented rel, typed from the catalog generated from the reference.
 * Unknown keys are still present at run time; read them through {@link UnknownResource}
 * (every `Resource<R>` is one).
 *
 * @example
 * ```ts
 * if (isResource(decoded, 'audioVideo')) {
 *   decoded.properties.videoSourcesAllowed; // VideoSourcesAllowed | undefined
 *   decoded.links.stopAudio?.href;
 * }
 * ```
 */
export interface Resource<R extends Rel> {
  readonly rel: R;
  readonly href: string;
  readonly etag?: string;
  readonly properties: PropertiesOf<R>;
  readonly links: LinksOf<R>;
  readonly embedded: EmbeddedOf<R>;
}
