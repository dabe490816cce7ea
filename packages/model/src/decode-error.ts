/** What was wrong with a document that could not be decoded. */
export type DecodeProblem =
  | 'malformed'
  | 'doctype'
  | 'entity'
  | 'too-large'
  | 'too-deep'
  | 'wrong-root'
  | 'forbidden-name'
  | 'invalid-date'
  | 'invalid-value'
  | 'content-type';

/** Where in the text a problem was found; any part may be unknown. */
export interface DecodePosition {
  /** Zero-based character offset. */
  readonly offset?: number;
  /** One-based line. */
  readonly line?: number;
  /** One-based column. */
  readonly column?: number;
}

export interface UcwaDecodeErrorOptions {
  readonly problem: DecodeProblem;
  readonly format: 'json' | 'xml' | 'data-uri' | 'media-type';
  /** Where in the document: a JSON path like `$._links.self.href` or an XML element path. */
  readonly path?: string;
  readonly position?: DecodePosition;
  readonly cause?: unknown;
}

/**
 * The one error every UCWA decoder throws for bad input: malformed text, forbidden
 * constructs (DOCTYPE, entity declarations), limits exceeded, names that could reach
 * `Object.prototype`, or values of the wrong type. The message says what and where.
 */
export class UcwaDecodeError extends Error {
  override readonly name = 'UcwaDecodeError' as const;
  readonly problem: DecodeProblem;
  readonly format: UcwaDecodeErrorOptions['format'];
  readonly path: string | undefined;
  readonly position: DecodePosition | undefined;

  constructor(message: string, options: UcwaDecodeErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.problem = options.problem;
    this.format = options.format;
    this.path = options.path;
    this.position = options.position;
  }
}

/** Whether `error` is a {@link UcwaDecodeError}, also across copies of this package. */
export function isUcwaDecodeError(error: unknown): error is UcwaDecodeError {
  return error instanceof Error && error.name === 'UcwaDecodeError';
}
