import { type DecodePosition, type DecodeProblem, UcwaDecodeError } from '@ucwa/model';

/** Where a problem was found: an element path, a text position, or both. */
export interface Where {
  /** An element path such as `/resource/property[name=x]`. */
  readonly path?: string;
  readonly position?: DecodePosition;
  readonly cause?: unknown;
}

/**
 * Throws the one error this codec throws for bad input: a `UcwaDecodeError` of format
 * `xml`, its message "<why> at <path> (line L, column C)" with the parts that are known.
 */
export function fail(problem: DecodeProblem, why: string, where: Where = {}): never {
  const { path, position, cause } = where;
  const at = path === undefined ? '' : ` at ${path}`;
  const line =
    position?.line === undefined ? '' : ` (line ${position.line}, column ${position.column})`;
  throw new UcwaDecodeError(`${why}${at}${line}`, {
    problem,
    format: 'xml',
    ...(path === undefined ? {} : { path }),
    ...(position === undefined ? {} : { position }),
    ...(cause === undefined ? {} : { cause }),
  });
}
