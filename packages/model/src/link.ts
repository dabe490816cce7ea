/**
 * A link to another resource (WebLinks.md). `href` is relative to the UCWA origin
 * unless the server sent an absolute URL.
 */
export interface Link {
  readonly rel: string;
  readonly href: string;
  /** Display text some links carry (for example a contact's name). */
  readonly title?: string;
  /** The rel's revision; absent means revision 1 (Versioning.md). */
  readonly revision?: number;
}

/** How many links or embedded resources of one rel a resource may hold. */
export type Cardinality = 'one' | 'many';
