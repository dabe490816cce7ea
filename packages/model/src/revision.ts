import type { Link } from './link.ts';

/**
 * A link's revision as a number. A missing revision means 1; revisions compare as
 * floats even when the server sends integers (Versioning.md).
 */
export function revisionOf(link: Pick<Link, 'revision'>): number {
  return link.revision ?? 1;
}

/** Parses a `revision` attribute or `X-MS-UcwaVersion`-style value; `undefined` if not a number. */
export function parseRevision(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^[0-9]+(\.[0-9]+)?$/.test(trimmed)) return undefined;
  return Number.parseFloat(trimmed);
}

/** Negative, zero or positive as revision `a` is older than, equal to or newer than `b`. */
export function compareRevisions(a: number | string, b: number | string): number {
  const x = typeof a === 'number' ? a : (parseRevision(a) ?? Number.NaN);
  const y = typeof b === 'number' ? b : (parseRevision(b) ?? Number.NaN);
  if (Number.isNaN(x) || Number.isNaN(y)) {
    throw new RangeError(`cannot compare revisions ${String(a)} and ${String(b)}`);
  }
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The first link that satisfies `minRevision` (its revision is at least that, as
 * Versioning.md asks a client to check), or `undefined` when the server offers none.
 */
export function selectByRevision<L extends Pick<Link, 'revision'>>(
  links: readonly L[],
  minRevision: number,
): L | undefined {
  return links.find((link) => revisionOf(link) >= minRevision);
}
